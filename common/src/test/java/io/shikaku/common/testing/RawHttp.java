package io.shikaku.common.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.vertx.core.json.JsonObject;

/** Sends bytes no HTTP client would and reads what comes back, for the malformed requests of the probe. */
public final class RawHttp {

    /** One answer on the wire: status, headers (last value wins, names lower-cased) and body. */
    public record Answer(int status, Map<String, String> headers, String body, String raw) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonObject json() {
            return new JsonObject(body);
        }
    }

    private RawHttp() {
    }

    public static Answer send(int port, String request) {
        try {
            return send(new URL("http://localhost:" + port + "/"), request);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Answer send(URL gateway, String request) {
        return send(gateway, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer send(URL gateway, byte[] request) {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response: up to the end of its body (by Content-Length) or of the connection. */
    public static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long wanted = -1;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
                String soFar = bytes.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0 && (headEnd = soFar.indexOf("\r\n\r\n")) >= 0) {
                    String length = parseHeaders(soFar.substring(0, headEnd)).get("content-length");
                    wanted = length == null ? -1 : headEnd + 4 + Long.parseLong(length.trim());
                }
                if (wanted >= 0 && bytes.size() >= wanted) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // a reset after the answer: keep what came
        }
        String raw = bytes.toString(StandardCharsets.UTF_8);
        if (headEnd < 0) {
            throw new AssertionError("No HTTP answer, got: " + raw);
        }
        String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        return new Answer(status, parseHeaders(head), raw.substring(raw.indexOf("\r\n\r\n") + 4), raw);
    }

    private static Map<String, String> parseHeaders(String head) {
        Map<String, String> headers = new TreeMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }
}
