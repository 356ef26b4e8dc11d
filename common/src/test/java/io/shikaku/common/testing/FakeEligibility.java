package io.shikaku.common.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The eligibility service's consent endpoint as a viewing service (medication, checkup) sees it ({@code GET
 * /api/v1/eligibility/consents/{personId}}, roles clinic and emergency-staff, the caller's facility from its token), answering what a test
 * granted, so that a view can be tested before any {@code consents} event arrives (common's {@code EligibilityConsents}).
 * It remembers every bearer token it was asked with. A test class uses it with {@code @WithTestResource(value =
 * FakeEligibility.class, scope = TestResourceScope.GLOBAL)}.
 */
public class FakeEligibility implements QuarkusTestResourceLifecycleManager {

    private static final Pattern FACILITY = Pattern.compile("\"facility_code\"\\s*:\\s*\"([0-9]+)\"");
    private static final Map<String, String> CONSENTS = new ConcurrentHashMap<>();
    private static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    private static final List<String> FAILING = new CopyOnWriteArrayList<>();
    private static final List<String> GARBLED = new CopyOnWriteArrayList<>();

    private HttpServer server;

    /** Eligibility answers this consent to {@code facilityCode} for {@code personId} from now on. */
    public static void grant(String facilityCode, UUID personId, boolean medication, boolean checkup,
            Instant expiresAt) {
        grant(facilityCode, personId, medication, checkup, expiresAt, "CONSENT");
    }

    /** As {@link #grant(String, UUID, boolean, boolean, Instant)}, of {@code basis} (e.g. an emergency grant's). */
    public static void grant(String facilityCode, UUID personId, boolean medication, boolean checkup,
            Instant expiresAt, String basis) {
        CONSENTS.put(facilityCode + "/" + personId, "{\"medication\":" + medication + ",\"checkup\":" + checkup
                + ",\"grantedAt\":\"" + expiresAt.minusSeconds(86_400) + "\",\"expiresAt\":\"" + expiresAt
                + "\",\"basis\":\"" + basis + "\"}");
    }

    /** Eligibility no longer answers that consent (404). */
    public static void forget(String facilityCode, UUID personId) {
        CONSENTS.remove(facilityCode + "/" + personId);
    }

    /** Eligibility fails (500) when asked about {@code personId}, as a service in trouble would. */
    public static void failFor(UUID personId) {
        FAILING.add(personId.toString());
    }

    /** Eligibility answers 200 with a body that is not a consent when asked about {@code personId}. */
    public static void garbleFor(UUID personId) {
        GARBLED.add(personId.toString());
    }

    /** Whether eligibility was asked with exactly this bearer token. */
    public static boolean askedWith(String token) {
        return TOKENS.contains(token);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/eligibility/consents/", this::answer);
        server.start();
        return Map.of("shikaku.eligibility.url", "http://localhost:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
        TOKENS.add(token);
        String[] parts = token.split("\\.");
        String claims = parts.length < 2
                ? ""
                : new String(Base64.getUrlDecoder().decode(parts[1]),
                        StandardCharsets.UTF_8);
        Matcher facility = FACILITY.matcher(claims);
        String person = exchange.getRequestURI().getPath().replaceFirst(".*/", "");
        if (GARBLED.contains(person)) {
            respond(exchange, 200, "{\"medication\":true}");
            return;
        }
        if (FAILING.contains(person)) {
            respond(exchange, 500, "{\"code\":\"INTERNAL_ERROR\"}");
            return;
        }
        if (!claims.contains("\"clinic\"") && !claims.contains("\"emergency-staff\"") || !facility.find()) {
            respond(exchange, 403, "{\"code\":\"FORBIDDEN\"}");
            return;
        }
        String consent = CONSENTS.get(facility.group(1) + "/" + person);
        if (consent == null) {
            respond(exchange, 404, "{\"code\":\"NOT_FOUND\"}");
        } else {
            respond(exchange, 200, consent);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
