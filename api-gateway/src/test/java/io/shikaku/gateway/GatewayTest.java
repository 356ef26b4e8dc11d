package io.shikaku.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.testing.TokenCacheMetrics;
import io.shikaku.common.testing.Tokens;

@QuarkusTest
@QuarkusTestResource(value = TestDownstream.class, restrictToAnnotatedClass = true)
class GatewayTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void forwardsMethodPathQueryBodyAndAuthorizationAndReturnsTheServiceAnswer() {
        String token = Tokens.withRoles("clinic");
        String body = "{\"method\":\"INSURANCE_CARD\",\"visitDate\":\"2026-11-21\",\"note\":\"日本語\"}";
        given()
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "clinic-42.req:7")
                .header("X-Echo-Status", "201")
                .contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .urlEncodingEnabled(false)
                .post("/api/v1/eligibility/checks?visitDate=2026-11-21&ref=a%20b")
                .then()
                .statusCode(201)
                .header("X-Downstream", "echo")
                .header("Location", "/api/v1/somewhere/42")
                .header("X-Request-Id", "clinic-42.req:7")
                .contentType("application/json")
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/v1/eligibility/checks"))
                .body("query", equalTo("visitDate=2026-11-21&ref=a%20b"))
                .body("authorization", equalTo("Bearer " + token))
                .body("requestId", equalTo("clinic-42.req:7"))
                .body("contentType", equalTo("application/json"))
                .body("forwardedFor", notNullValue())
                .body("body", equalTo(body));
    }

    @Test
    void routesEachGroupToItsServiceForTheRightRole() {
        get("/api/v1/persons/P123/medications?from=2026-01-01", "emergency-staff").statusCode(200)
                .body("path", equalTo("/api/v1/persons/P123/medications"));
        get("/api/v1/persons/P123/checkups", "clinic").statusCode(200)
                .body("path", equalTo("/api/v1/persons/P123/checkups"));
        get("/api/v1/me/access-log", "patient").statusCode(200);
        get("/api/v1/me/checkups", "patient").statusCode(200);
        get("/api/v1/insurers/33120015/held-records", "insurer").statusCode(200);
        given().header("Authorization", "Bearer " + Tokens.withRoles("patient"))
                .delete("/api/v1/card-registrations/SERIAL-1")
                .then().statusCode(200).body("method", equalTo("DELETE"));
    }

    @Test
    void passesTheServiceErrorsThroughUnchanged() {
        given().header("Authorization", "Bearer " + Tokens.withRoles("claims-feed"))
                .header("X-Echo-Status", "409")
                .post("/api/v1/claims/dispensing-batches")
                .then().statusCode(409).header("X-Downstream", "echo");
    }

    @Test
    void withoutTokenIs401Problem() {
        assertProblem(given().get("/api/v1/eligibility/checks/1").then(), 401, "UNAUTHENTICATED")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void unknownPathWithoutTokenIsStill401() {
        assertProblem(given().get("/api/v1/nothing-here").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void expiredTokenIs401Problem() {
        assertProblem(withToken(Tokens.expired("clinic")).get("/api/v1/eligibility/checks/1").then(), 401,
                "UNAUTHENTICATED").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void forgedTokenIs401Problem() {
        assertProblem(withToken(Tokens.forged("clinic")).get("/api/v1/eligibility/checks/1").then(), 401,
                "UNAUTHENTICATED").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void tokenFromAnotherIssuerIs401Problem() {
        assertProblem(withToken(Tokens.fromIssuer("https://evil.test/realms/shikaku", "clinic"))
                .get("/api/v1/eligibility/checks/1").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void malformedTokenIs401Problem() {
        assertProblem(withToken("not-a-jwt").get("/api/v1/eligibility/checks/1").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void wrongRoleIs403Problem() {
        assertProblem(get("/api/v1/eligibility/checks/1", "patient"), 403, "FORBIDDEN");
        assertProblem(get("/api/v1/stats/adoption", "facility-admin"), 403, "FORBIDDEN");
        assertProblem(get("/api/v1/insurers/33120015/member-batches", "clinic"), 403, "FORBIDDEN");
        assertProblem(get("/api/v1/me/medications"), 403, "FORBIDDEN");
    }

    @Test
    void unknownPathIs404Problem() {
        assertProblem(get("/api/v1/unknown/thing", "clinic"), 404, "NOT_FOUND");
        assertProblem(get("/api/v1/me/profile", "patient"), 404, "NOT_FOUND");
        assertProblem(get("/api/v1", "clinic"), 404, "NOT_FOUND");
        assertProblem(get("/somewhere-else", "clinic"), 404, "NOT_FOUND");
    }

    @Test
    void dotSegmentsDoNotSneakPastTheRoleCheck() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(gateway.toString() + "api/v1/facilities/../eligibility/checks/1"))
                .header("Authorization", "Bearer " + Tokens.withRoles("facility-admin"))
                .GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 404 || response.statusCode() == 400, "status " + response.statusCode());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    void unreachableServiceIsFast503Problem() {
        String token = Tokens.withRoles("portal-admin");
        // The test connect timeout (30 s) is far above the client's read timeout (10 s): only a refusal answered at
        // once, not one waited out, passes.
        assertProblem(withToken(token).get("/api/v1/facilities/1310000001").then(), 503, "UNAVAILABLE")
                .header("Retry-After", notNullValue());
    }

    @Test
    void hangingServiceTimesOutAs504Problem() {
        // The downstream never answers: the 504 can only come from the gateway's response timeout (1.5 s in tests),
        // and the client gives up after 10 s, so a gateway that hangs fails this test.
        assertProblem(get("/api/v1/eligibility/hang", "clinic"), 504, "TIMEOUT")
                .header("Retry-After", notNullValue());
    }

    @Test
    void requestIdIsGeneratedWhenMissingAndForwarded() {
        ValidatableResponse response = get("/api/v1/eligibility/checks/1", "clinic").statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
        String id = response.extract().header("X-Request-Id");
        response.body("requestId", equalTo(id));
    }

    @Test
    void insaneRequestIdIsReplaced() {
        String tooLong = "x".repeat(200);
        withToken(Tokens.withRoles("clinic")).header("X-Request-Id", tooLong)
                .get("/api/v1/eligibility/checks/1")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("requestId", matchesPattern(UUID_PATTERN));
        withToken(Tokens.withRoles("clinic")).header("X-Request-Id", "<script>")
                .get("/api/v1/eligibility/checks/1")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void requestIdIsEchoedOnTheGatewaysOwnProblems() {
        given().header("X-Request-Id", "own-401").get("/api/v1/eligibility/checks").then()
                .statusCode(401).header("X-Request-Id", "own-401");
        withToken(Tokens.withRoles("clinic")).header("X-Request-Id", "own-404").get("/api/v1/nope").then()
                .statusCode(404).header("X-Request-Id", "own-404");
        withToken(Tokens.expired("clinic")).header("X-Request-Id", "own-401b").get("/api/v1/eligibility").then()
                .statusCode(401).header("X-Request-Id", "own-401b");
    }

    @Test
    void largeBodyStreamsThroughIntact() throws Exception {
        byte[] body = new byte[12 * 1024 * 1024]; // above Quarkus' default 10M body limit: proves nothing buffers it
        new Random(7).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        withToken(Tokens.withRoles("insurer"))
                .contentType("application/octet-stream")
                .body(body)
                .post("/api/v1/insurers/33120015/member-batches")
                .then()
                .statusCode(200)
                .body("bodyLength", equalTo(body.length))
                .body("bodySha256", equalTo(sha))
                .body("body", nullValue());
    }

    @Test
    void largeResponseStreamsBack() {
        int bytes = 12 * 1024 * 1024;
        byte[] received = withToken(Tokens.withRoles("clinic"))
                .get("/api/v1/eligibility/bulk-inquiries/large?bytes=" + bytes)
                .then().statusCode(200).extract().asByteArray();
        assertEquals(bytes, received.length);
    }

    @Test
    void bodyAboveTheLimitIs413ProblemBeforeAnyByteIsRead() throws Exception {
        // declare 17 MB (the test limit is 16M) and send none of it: the answer must come anyway
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5_000);
            String head = "POST /api/v1/insurers/33120015/member-batches HTTP/1.1\r\n"
                    + "Host: localhost\r\n"
                    + "X-Request-Id: big-1\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + (17 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"PAYLOAD_TOO_LARGE\""), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertTrue(answer.toLowerCase().contains("x-request-id: big-1"), answer);
        }
    }

    @Test
    void operationalEndpointsNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200).header("X-Request-Id", notNullValue());
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(not(equalTo("")));
    }

    @Test
    void theOpenApiDescriptionCarriesTheRouteTableGeneratedFromShikakuRoutes() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("| `/api/v1/audit/**` | eligibility | auditor |"))
                .body(containsString("| `/api/v1/stats/**` | facility-registry | portal-admin |"));
    }

    @Test
    void metricsNameRequestsByRouteNotByPath() {
        get("/api/v1/persons/P-METRICS-1/medications", "clinic").statusCode(200);
        get("/api/v1/no-such-group/P-METRICS-2", "clinic").statusCode(404);
        given().get("/no-such-page/P-METRICS-3").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("uri=\"/api/v1/persons/*/medications/**\""))
                .body(containsString("uri=\"/api/v1/**\""))
                .body(not(containsString("P-METRICS-")));
    }

    @Test
    void aVerifiedTokenIsTakenFromTheCacheTheNextTimeAndStillForwardedUnchanged() {
        String token = Tokens.withRoles("clinic");
        withToken(token).get("/api/v1/eligibility/checks/1").then().statusCode(200);
        double hits = TokenCacheMetrics.hits();
        withToken(token).get("/api/v1/eligibility/checks/2").then().statusCode(200)
                .body("authorization", equalTo("Bearer " + token));
        assertProblem(withToken(token).get("/api/v1/me/medications").then(), 403, "FORBIDDEN");
        assertEquals(hits + 2, TokenCacheMetrics.hits(), TokenCacheMetrics::lines);
    }

    @Test
    void refusedTokensAreRefusedEveryTimeEvenWhenAValidOneWithTheSameClaimsIsCached() {
        String valid = Tokens.withRoles("clinic");
        withToken(valid).get("/api/v1/eligibility/checks/1").then().statusCode(200);
        withToken(valid).get("/api/v1/eligibility/checks/1").then().statusCode(200);
        for (String token : List.of(Tokens.forgedCopyOf(valid), Tokens.forged("clinic"), Tokens.expired("clinic"),
                Tokens.forAudience("account", "clinic"), Tokens.idToken("clinic"), Tokens.withoutType("clinic"))) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertProblem(withToken(token).get("/api/v1/eligibility/checks/1").then(), 401, "UNAUTHENTICATED");
            }
        }
        withToken(valid).get("/api/v1/eligibility/checks/1").then().statusCode(200);
    }

    @Test
    void aTokenThatExpiresWhileCachedIsRefusedAfterItsExpiry() throws InterruptedException {
        String token = Tokens.expiringIn(2, "clinic");
        long expiry = Instant.now().plusSeconds(2).getEpochSecond();
        withToken(token).get("/api/v1/eligibility/checks/1").then().statusCode(200);
        withToken(token).get("/api/v1/eligibility/checks/1").then().statusCode(200);
        // a wait for the clock to pass the token's exp, not an assertion on time
        while (Instant.now().getEpochSecond() <= expiry) {
            Thread.sleep(200);
        }
        assertProblem(withToken(token).get("/api/v1/eligibility/checks/1").then(), 401, "UNAUTHENTICATED");
    }

    /** A caller that gives up after 10 s, so that a gateway that hangs fails the test instead of stalling it. */
    private static io.restassured.specification.RequestSpecification withToken(String token) {
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 10_000))).header("Authorization", "Bearer " + token);
    }

    private static ValidatableResponse get(String path, String... roles) {
        return withToken(Tokens.withRoles(roles)).urlEncodingEnabled(false).get(path).then();
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status, String code) {
        return response
                .statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("title", notNullValue())
                .body("type", notNullValue())
                .body("detail", not(matchesPattern("(?s).*(Exception|\\tat ).*")));
    }
}
