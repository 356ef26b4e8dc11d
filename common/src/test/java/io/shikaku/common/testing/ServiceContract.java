package io.shikaku.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shikaku.common.testing.probe.ProbeResource;
import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Problem;

/**
 * What every service promises, proven inside each one (a service's test extends this with {@code @QuarkusTest}):
 * health, metrics and OpenAPI for operators; the token, binding, strict-JSON and problem rules of API.md for callers.
 */
public abstract class ServiceContract {

    private static final String ECHO = ProbeResource.PATH + "/echo";
    private static final String FACILITY = "0110113719";
    private static final String OTHER_FACILITY = "1310123458";
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toSet());

    @Test
    void readinessCoversTheDatabaseAndKafkaAndLivenessThePool() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections liveness check"));
    }

    @Test
    void metricsAndOpenApiArePublished() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"))
                .body(containsString("sql_pool_active{")).body(containsString("sql_pool_idle{"))
                .body(containsString("sql_pool_queue_size{"));
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("\"openapi\""));
    }

    /**
     * The service's OpenAPI is its contract with callers: it may change only as a deliberate diff of the committed
     * {@code openapi.json} beside the module's pom ({@code -Dshikaku.openapi.accept=true} writes the new one).
     */
    @Test
    void theOpenApiDocumentIsTheCommittedOne() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json
                .readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Path committed = Path.of("openapi.json");
        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
        if (Boolean.getBoolean("shikaku.openapi.accept")) {
            Files.writeString(committed, pretty);
        }
        Path actual = Path.of("target", "openapi.json");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, pretty);
        assertTrue(Files.exists(committed), "No committed openapi.json: review target/openapi.json and commit it");
        assertEquals(json.readTree(Files.readString(committed)), served,
                "The OpenAPI document changed: diff openapi.json target/openapi.json, then accept it deliberately");
    }

    @Test
    void onlyAValidAccessTokenAuthenticates() {
        for (String token : List.of("....", "a.b.c", "Zm9v", Tokens.idToken("clinic"), Tokens.withoutType("clinic"),
                Tokens.forAudience("account", "clinic"), Tokens.withoutAudience("clinic"), Tokens.expired("clinic"),
                Tokens.forged("clinic"), Tokens.fromIssuer("https://elsewhere.invalid/realms/shikaku", "clinic"))) {
            Response response = echo(token, "{\"text\":\"x\",\"count\":1}");
            assertProblem(response, 401, ErrorCode.UNAUTHENTICATED);
            assertEquals("Bearer", response.header("WWW-Authenticate"));
        }
        assertProblem(given().contentType("application/json").body("{}").post(ECHO), 401, ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aPathsFacilityInsurerOrPersonMustBeTheCallersOwnBinding() {
        UUID person = UUID.randomUUID();
        get(Tokens.facilityAdmin(FACILITY), "/facilities/" + FACILITY).then().statusCode(200);
        assertProblem(get(Tokens.facilityAdmin(FACILITY), "/facilities/" + OTHER_FACILITY), 403, ErrorCode.FORBIDDEN);
        assertProblem(get(Tokens.portalAdmin(), "/facilities/" + FACILITY), 403, ErrorCode.FORBIDDEN);
        assertProblem(get(Tokens.withClaim("facility-admin", "facility_code", List.of(FACILITY)),
                "/facilities/" + FACILITY), 403, ErrorCode.FORBIDDEN);
        get(Tokens.portalAdmin(), "/managed-facilities/" + OTHER_FACILITY).then().statusCode(200);
        get(Tokens.facilityAdmin(OTHER_FACILITY), "/managed-facilities/" + OTHER_FACILITY).then().statusCode(200);
        assertProblem(get(Tokens.facilityAdmin(FACILITY), "/managed-facilities/" + OTHER_FACILITY), 403,
                ErrorCode.FORBIDDEN);
        get(Tokens.insurer("06130017"), "/insurers/06130017").then().statusCode(200);
        assertProblem(get(Tokens.insurer("06130017"), "/insurers/33120015"), 403, ErrorCode.FORBIDDEN);
        get(Tokens.patient(person), "/persons/" + person).then().statusCode(200);
        assertProblem(get(Tokens.patient(person), "/persons/" + UUID.randomUUID()), 403, ErrorCode.FORBIDDEN);
    }

    @Test
    void bodiesAreReadStrictly() {
        String token = Tokens.clinic(FACILITY);
        echo(token, "{\"day\":\"2026-11-21\",\"text\":\"山田\",\"count\":3,\"flag\":true,\"kind\":\"ONE\"}").then()
                .statusCode(200).body("day", equalTo("2026-11-21")).body("text", equalTo("山田"))
                .body("count", equalTo(3))
                .body("kind", equalTo("ONE"));
        Object[][] refused = {
                {"{\"text\":\"a\",\"text\":\"b\"}", "body"},
                {"{\"count\":1} {\"count\":2}", "body"},
                {"{\"count\":\"5\"}", "count"},
                {"{\"count\":5.5}", "count"},
                {"{\"flag\":\"true\"}", "flag"},
                {"{\"text\":5}", "text"},
                {"{\"day\":20000}", "day"},
                {"{\"day\":\"0000-01-01\"}", "day"},
                {"{\"day\":\"+999999999-12-31\"}", "day"},
                {"{\"day\":\"2026-02-30\"}", "day"},
                {"{\"day\":\"2026-1-5\"}", "day"},
                {"{\"text\":\"a\\u0000b\"}", "text"},
                {"{\"text\":\"a\\ud800b\"}", "text"},
                {"{\"kind\":\"\\u0000ONE\"}", "kind"},
                {"{\"kind\":\" ONE\"}", "kind"},
                {"{\"kind\":\"THREE\"}", "kind"},
                {"{\"text\":\"a\\udc00\"}", "text"},
                {"{\"text\":", "body"},
                {"{\"text\":\"a\",\"txet\":\"b\",\"count\":1}", "txet"},
                {"{\"count\":1,\"extra\":{\"nested\":[1]}}", "extra"},
        };
        for (Object[] body : refused) {
            Response response = echo(token, (String) body[0]);
            assertProblem(response, 400, ErrorCode.VALIDATION_FAILED);
            assertEquals(body[1], response.path("errors[0].field"), body[0] + " -> " + response.asString());
        }
    }

    /** RFC 8259 §8.1: a body must be well-formed UTF-8; an overlong or surrogate encoding spells no character. */
    @Test
    void aBodyThatIsNotUtf8IsAProblem() {
        String token = Tokens.clinic(FACILITY);
        int[][] sequences = {{0xC0, 0xAF}, {0xE0, 0x80, 0xAF}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xFF},
                {0xE3, 0x81}};
        for (int[] sequence : sequences) {
            byte[] body = new byte[sequence.length + 12];
            byte[] head = "{\"text\":\"a".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, body, 0, head.length);
            for (int i = 0; i < sequence.length; i++) {
                body[head.length + i] = (byte) sequence[i];
            }
            body[head.length + sequence.length] = '"';
            body[head.length + sequence.length + 1] = '}';
            Response response = given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .body(Arrays.copyOf(body, head.length + sequence.length + 2)).post(ECHO);
            assertProblem(response, 400, ErrorCode.VALIDATION_FAILED);
            assertEquals("body", response.path("errors[0].field"),
                    Arrays.toString(sequence) + " -> " + response.asString());
        }
        echo(token, "{\"text\":\"\u3042\ud842\udfb7\",\"count\":1}").then().statusCode(200).body("text",
                equalTo("\u3042\ud842\udfb7"));
    }

    @Test
    void everyAnswerCarriesTheRequestIdAndIsNeitherCachedNorSniffed() {
        for (Response response : List.of(
                given().header("X-Request-Id", "probe-1").get("/q/health/live"),
                given().header("X-Request-Id", "probe-1").get("/api/v1/no-such-thing"),
                echo(Tokens.clinic(FACILITY), "{\"count\":1}", "probe-1"))) {
            assertEquals("probe-1", response.header("X-Request-Id"));
            assertEquals("no-store", response.header("Cache-Control"));
            assertEquals("nosniff", response.header("X-Content-Type-Options"));
        }
    }

    @Test
    void aWrongMethodSaysWhichAreAllowed() {
        Response response = given().header("Authorization", "Bearer " + Tokens.clinic(FACILITY)).get(ECHO);
        assertProblem(response, 405, ErrorCode.METHOD_NOT_ALLOWED);
        assertTrue(response.header("Allow").contains("POST"), response.header("Allow"));
    }

    @Test
    void aBodyAboveTheLimitIsAProblem() {
        String head = "POST " + ECHO + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: probe-413\r\n"
                + "Authorization: Bearer " + Tokens.clinic(FACILITY) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (64L * 1024 * 1024 * 1024) + "\r\n\r\n{";
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, head);
        assertEquals(413, answer.status(), answer.toString());
        assertTrue(answer.header("content-type").startsWith(Problem.MEDIA_TYPE), answer.toString());
        assertTrue(answer.body().contains("\"code\":\"PAYLOAD_TOO_LARGE\""), answer.toString());
        assertEquals("probe-413", answer.header("x-request-id"));
    }

    @Test
    void aUriThatIsNotUtf8IsAProblem() {
        for (String query : List.of("q=%FF%FE", "q=%C0%AF", "q=%ED%A0%80", "q=%E3%81")) {
            RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET /q/health/live?" + query
                    + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertEquals(400, answer.status(), query + ": " + answer.raw());
            assertEquals("VALIDATION_FAILED", answer.json().getString("code"));
        }
        RawHttp.Answer utf8 = RawHttp.send(RestAssured.port, "GET /q/health/live?q=%E3%81%82 HTTP/1.1\r\n"
                + "Host: localhost\r\n\r\n");
        assertEquals(200, utf8.status(), utf8.raw());
    }

    @Test
    void aBodyWithoutAContentTypeIsAProblem() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST " + ECHO + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.clinic(FACILITY) + "\r\nContent-Length: 11\r\n\r\n{\"count\":1}");
        assertEquals(415, answer.status(), answer.raw());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", answer.json().getString("code"));
    }

    @Test
    void aReadWithAnEmptyChunkedBodyIsNoUnsupportedMediaType() {
        // what the gateway forwards of a GET that came over HTTP/2
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertEquals(200, answer.status(), answer.raw());
    }

    @Test
    void oversizedHeadersAreAProblem() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Request-Id: probe-431\r\nX-Big: " + "b".repeat(100 * 1024) + "\r\n\r\n");
        assertEquals(431, answer.status(), answer.raw());
        assertEquals("VALIDATION_FAILED", answer.json().getString("code"));
        assertEquals("probe-431", answer.header("x-request-id"));
    }

    @Test
    void unknownPathsAndIdsAddNoTimeSeries() {
        String marker = "cardinality-probe-" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            given().get("/" + marker + "-" + i);
            given().get("/api/v1/" + marker + "/" + i);
            get(Tokens.patient(UUID.randomUUID()), "/persons/" + UUID.randomUUID() + "-" + marker);
            given().header("Authorization", "Bearer ....").get("/api/v1/" + marker + "/" + i);
            given().header("Authorization", "Bearer " + Tokens.clinic(FACILITY))
                    .delete(ProbeResource.PATH + "/persons/" + marker + "-" + i);
            RawHttp.send(RestAssured.port, "POST /api/v1/" + marker + "/" + i
                    + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 99999999999\r\n\r\n");
        }
        String metrics = given().get("/q/metrics").asString();
        assertEquals(List.of(), metrics.lines().filter(line -> line.contains(marker)).limit(3).toList(),
                "a probed path became a metrics label");
        Matcher uuid = Pattern.compile("uri=\"[^\"]*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .matcher(metrics);
        assertFalse(uuid.find(), "an id became a metrics label");
    }

    @Test
    void aVerifiedTokenIsTakenFromTheCacheTheNextTime() {
        String token = Tokens.facilityAdmin(FACILITY);
        get(token, "/facilities/" + FACILITY).then().statusCode(200);
        double hits = TokenCacheMetrics.hits();
        get(token, "/facilities/" + FACILITY).then().statusCode(200);
        assertProblem(get(token, "/facilities/" + OTHER_FACILITY), 403, ErrorCode.FORBIDDEN);
        assertEquals(hits + 2, TokenCacheMetrics.hits(), TokenCacheMetrics::lines);
    }

    @Test
    void refusedTokensAreRefusedEveryTimeEvenWhenAValidOneWithTheSameClaimsIsCached() {
        String valid = Tokens.facilityAdmin(FACILITY);
        get(valid, "/facilities/" + FACILITY).then().statusCode(200);
        get(valid, "/facilities/" + FACILITY).then().statusCode(200);
        for (String token : List.of(Tokens.forgedCopyOf(valid), Tokens.forged("facility-admin"),
                Tokens.expired("facility-admin"), Tokens.forAudience("account", "facility-admin"),
                Tokens.idToken("facility-admin"), Tokens.withoutType("facility-admin"))) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertProblem(get(token, "/facilities/" + FACILITY), 401, ErrorCode.UNAUTHENTICATED);
            }
        }
        get(valid, "/facilities/" + FACILITY).then().statusCode(200);
    }

    @Test
    void aTokenThatExpiresWhileCachedIsRefusedAfterItsExpiry() throws InterruptedException {
        String token = Tokens.expiringIn(2, "clinic");
        long expiry = Instant.now().plusSeconds(2).getEpochSecond();
        echo(token, "{\"count\":1}").then().statusCode(200);
        echo(token, "{\"count\":1}").then().statusCode(200);
        // a wait for the clock to pass the token's exp, not an assertion on time
        while (Instant.now().getEpochSecond() <= expiry) {
            Thread.sleep(200);
        }
        assertProblem(echo(token, "{\"count\":1}"), 401, ErrorCode.UNAUTHENTICATED);
    }

    /** Asserts the contract's problem document: its status, a code of API.md, and the request id. */
    protected static void assertProblem(Response response, int status, ErrorCode code) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith(Problem.MEDIA_TYPE), response.contentType());
        assertEquals(code.name(), response.path("code"));
        assertTrue(CODES.contains(response.<String>path("code")));
        assertEquals(Integer.valueOf(status), response.path("status"));
        assertTrue(response.header("X-Request-Id") != null && !response.header("X-Request-Id").isEmpty());
    }

    private static Response echo(String token, String body) {
        return echo(token, body, null);
    }

    private static Response echo(String token, String body, String requestId) {
        RequestSpecification request = given().header("Authorization", "Bearer " + token)
                .contentType("application/json").body(body);
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return request.post(ECHO);
    }

    private static Response get(String token, String path) {
        return given().header("Authorization", "Bearer " + token).get(ProbeResource.PATH + path);
    }
}
