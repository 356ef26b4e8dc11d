package io.shikaku.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shikaku.contract.ErrorCode;

/**
 * A plain HTTP client for the security tests: the bytes, headers and content type exactly as written (no client that
 * fixes a body or adds a charset), and the checks every refusal must pass (a contract problem document).
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** One answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The problem's code, or null when the body is not a problem document with a code. */
        String code() {
            try {
                JsonNode code = JSON.readTree(body).get("code");
                return code == null ? null : code.asText();
            } catch (IOException notJson) {
                return null;
            }
        }

        /** Why this answer is not a contract refusal (4xx problem+json with a code of the contract), or null. */
        String notAContractRefusal() {
            if (status < 400 || status >= 500) {
                return "status " + status;
            }
            if (!isProblem()) {
                return "content type " + contentType;
            }
            String code = code();
            return code != null && CODES.contains(code) ? null : "code " + code;
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private Http() {
    }

    static Answer send(String baseUrl, String method, String pathAndQuery, String token, String contentType,
            byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer json(String baseUrl, String method, String pathAndQuery, String token, Object body,
            String... headers) {
        try {
            return send(baseUrl, method, pathAndQuery, token, body == null ? null : "application/json",
                    body == null ? null : JSON.writeValueAsBytes(body), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Declares a body of {@code declaredLength} bytes and sends only its first kilobyte, over a raw socket (no client
     * sends a length it does not mean): a server that checks the declared length answers at once.
     */
    static Answer declaringBody(String host, int port, String method, String path, String token, long declaredLength)
            throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Type: application/json\r\nContent-Length: " + declaredLength
                    + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write("{\"records\":[".repeat(80).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, Math.max(0, end)).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = null;
            for (String line : lines) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            String body = end < 0 ? "" : text.substring(end + 4);
            if (text.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = body.replaceAll("(?m)^[0-9a-fA-F]+\r$\n?", "").trim();
            }
            return new Answer(status, contentType, body);
        } catch (java.net.SocketException reset) {
            // the server may close the connection on the unread rest of the body before we read its answer
            return new Answer(0, null, "connection reset: " + reset.getMessage());
        }
    }
}
