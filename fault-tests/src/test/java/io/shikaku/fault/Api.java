package io.shikaku.fault;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls through the gateway as the demo clients and users do, with tokens from the shared Keycloak (kept for a minute,
 * far within their lifetime). A call never hangs the tests: it gives up after {@link #GIVE_UP}, which the outage
 * checks then report as a hang.
 */
final class Api {

    /** What one call came to: the status (0: no answer at all), the problem code if any, and how long it took. */
    record Answer(int status, String contentType, String code, JsonNode body, String location, long millis,
            String failure) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        boolean unavailableProblem() {
            return status == 503 && contentType != null && contentType.startsWith("application/problem+json")
                    && "UNAVAILABLE".equals(code);
        }

        String describe() {
            return status == 0 ? failure : status + (code == null ? "" : " " + code);
        }
    }

    static final Duration GIVE_UP = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = System.getenv().getOrDefault("SHIKAKU_OIDC_URL",
            "http://localhost:" + System.getenv().getOrDefault("SHIKAKU_KEYCLOAK_PORT", "8180") + "/realms/shikaku");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();

    Api(String gatewayUrl) {
        this.base = gatewayUrl + "/api/v1";
    }

    Answer get(String who, String path) {
        return send(who, HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    Answer post(String who, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(who, request, null);
    }

    Answer put(String who, String path, Object body) {
        return send(who, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))), null);
    }

    Answer postCsv(String who, String path, String csv) {
        return send(who, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), null);
    }

    private Answer send(String who, HttpRequest.Builder request, Void unused) {
        long started = System.nanoTime();
        try {
            request.header("Authorization", "Bearer " + token(who)).timeout(GIVE_UP);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            String type = response.headers().firstValue("Content-Type").orElse(null);
            JsonNode body = null;
            if (type != null && type.contains("json") && !response.body().isEmpty()) {
                body = JSON.readTree(response.body());
            }
            String code = body != null && body.hasNonNull("code") && response.statusCode() >= 400
                    ? body.get("code").asText()
                    : null;
            return new Answer(response.statusCode(), type, code, body,
                    response.headers().firstValue("Location").orElse(null), millis, null);
        } catch (HttpTimeoutException hang) {
            return new Answer(0, null, null, null, null, (System.nanoTime() - started) / 1_000_000,
                    "no answer within " + GIVE_UP.toSeconds() + " s");
        } catch (IOException refused) {
            return new Answer(0, null, null, null, null, (System.nanoTime() - started) / 1_000_000,
                    "connection failed (" + refused.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null, null, null, 0, "interrupted");
        }
    }

    /**
     * A token for a confidential demo client ({@code clinic-…}, {@code insurer-…}, {@code claims-feed}) or, for a name
     * without a dash-number, a demo user through the local demo client.
     */
    String token(String who) throws IOException, InterruptedException {
        String[] cached = tokens.get(who);
        if (cached != null && System.nanoTime() - Long.parseLong(cached[1]) < Duration.ofSeconds(60).toNanos()) {
            return cached[0];
        }
        String form = who.equals("portal-admin")
                ? "grant_type=password&client_id=shikaku-demo-cli&username=" + enc(who) + "&password=demo"
                : "grant_type=client_credentials&client_id=" + enc(who) + "&client_secret=demo-secret";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(REALM
                + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + who + ": " + response.statusCode());
        }
        String token = JSON.readTree(response.body()).get("access_token").asText();
        tokens.put(who, new String[] {token, Long.toString(System.nanoTime())});
        return token;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
