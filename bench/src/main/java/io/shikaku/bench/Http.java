package io.shikaku.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few blocking JSON calls the benchmark's preparation makes (Keycloak, the portal API), on one HTTP client. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A response's status and body, parsed as JSON where it is JSON. */
    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (status " + status + ")", e);
            }
        }

        Answer expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("unexpected status " + status + ": " + body);
        }
    }

    private final HttpClient client;

    Http(HttpClient client) {
        this.client = client;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    Answer form(String url, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A GET, with a bearer token unless {@code token} is null. */
    Answer get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    Answer send(String method, String url, String token, String contentType, String body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** As above, with extra headers (an Idempotency-Key). */
    Answer send(String method, String url, String token, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** A request whose body is a file, streamed (the facility master). */
    Answer sendFile(String method, String url, String token, String contentType, Path file)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofFile(file)));
    }

    Answer json(String method, String url, String token, Object body) throws IOException, InterruptedException {
        return send(method, url, token, "application/json", JSON.writeValueAsString(body));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
