package io.shikaku.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.testing.RawHttp;
import io.shikaku.common.testing.Tokens;
import io.shikaku.contract.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** The findings of the foundation's probe (issue 5, item 9), each answered by the gateway as the contract says. */
@QuarkusTest
@QuarkusTestResource(value = TestDownstream.class, restrictToAnnotatedClass = true)
class ProbeTest {

    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toSet());

    @TestHTTPResource("/")
    URL gateway;

    private final ErrorLog errorLog = new ErrorLog();

    @BeforeEach
    void watchTheLog() {
        Logger.getLogger("").addHandler(errorLog);
    }

    @AfterEach
    void stopWatching() {
        Logger.getLogger("").removeHandler(errorLog);
    }

    @Test
    void aTokenOfOnlyDotsOrOtherGarbageIs401WithoutAStackTrace() {
        List<String> garbage = List.of("....", ".", "..", "a.b.c", "e30.e30.", "e30.e30.e30", "W10.W10.W10",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "%%%.%%%.%%%", "x".repeat(5000), "Bearer");
        for (String token : garbage) {
            given().header("Authorization", "Bearer " + token).get("/api/v1/eligibility/checks/1").then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("code", equalTo("UNAUTHENTICATED"))
                    .body(not(org.hamcrest.Matchers.containsString("Exception")));
        }
        assertEquals(List.of(), errorLog.messages(), "nothing is logged at ERROR for a caller's bad token");
    }

    @Test
    void idTokensAndTokensForAnotherAudienceAreRefused() {
        for (String token : List.of(Tokens.idToken("clinic"), Tokens.withoutType("clinic"),
                Tokens.forAudience("account", "clinic"), Tokens.forAudience("shikaku-portal", "clinic"),
                Tokens.withoutAudience("clinic"))) {
            given().header("Authorization", "Bearer " + token).get("/api/v1/eligibility/checks/1").then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("code", equalTo("UNAUTHENTICATED"));
        }
        given().header("Authorization", "Bearer " + Tokens.withRoles("clinic")).get("/api/v1/eligibility/checks/1")
                .then().statusCode(200);
    }

    @Test
    void everyResponseIsNeitherCachedNorSniffed() {
        for (ValidatableResponse response : List.of(
                given().header("Authorization", "Bearer " + Tokens.withRoles("clinic"))
                        .get("/api/v1/eligibility/checks/1").then().statusCode(200),
                given().get("/api/v1/eligibility/checks/1").then().statusCode(401),
                given().header("Authorization", "Bearer " + Tokens.withRoles("clinic"))
                        .get("/api/v1/nowhere").then().statusCode(404),
                given().get("/q/health/live").then().statusCode(200))) {
            response.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void metricsGetNoNewUriValuesFromUnmatchedPathsOrIds() {
        probeWithRandomPaths(3);
        Set<String> before = uriLabels();
        probeWithRandomPaths(25);
        Set<String> after = uriLabels();
        assertEquals(before, after, "uri label values may only be route templates and catch-alls");
        assertTrue(after.stream().noneMatch(uri -> uri.contains("probe")), after.toString());
    }

    private void probeWithRandomPaths(int rounds) {
        String clinic = Tokens.withRoles("clinic");
        for (int i = 0; i < rounds; i++) {
            String id = UUID.randomUUID().toString();
            given().get("/cardinality-probe-" + id).then().statusCode(404);
            given().header("Authorization", "Bearer " + clinic).get("/cardinality-probe-" + id).then().statusCode(404);
            given().header("Authorization", "Bearer " + clinic).post("/api/v1/probe-" + id).then().statusCode(404);
            given().header("Authorization", "Bearer ....").get("/probe-" + id).then().statusCode(401);
            given().header("Authorization", "Bearer " + clinic).get("/api/v1/persons/probe-" + id + "/medications")
                    .then().statusCode(200);
            given().header("Authorization", "Bearer " + clinic).get("/api/v1/eligibility/checks/probe-" + id)
                    .then().statusCode(200);
            given().header("Authorization", "Bearer " + Tokens.withRoles("patient"))
                    .get("/api/v1/eligibility/checks/probe-" + id).then().statusCode(403);
            RawHttp.send(gateway, "GET /probe-" + id + " HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(100 * 1024)
                    + "\r\n\r\n");
            RawHttp.send(gateway, "GET /probe-" + id + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
                    + "Content-Length: 1\r\n\r\nx");
        }
    }

    private static Set<String> uriLabels() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"")
                .matcher(metrics);
        Set<String> uris = new java.util.TreeSet<>();
        while (matcher.find()) {
            uris.add(matcher.group(1));
        }
        return uris;
    }

    @Test
    void aChunkedBodyAboveTheLimitIs413() throws Exception {
        // the test limit is 16M; the body declares no length and keeps coming until the gateway stops it
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/insurers/33120015/member-batches HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.withRoles("insurer") + "\r\n"
                    + "X-Request-Id: chunked-1\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int i = 0; i < 17 * 16; i++) {
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the gateway closed the connection after answering: expected
                }
            });
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertEquals(413, answer.status(), answer.raw());
            assertEquals("application/problem+json", answer.header("Content-Type"));
            assertEquals("chunked-1", answer.header("X-Request-Id"));
            assertEquals("PAYLOAD_TOO_LARGE", answer.json().getString("code"));
            socket.close();
            writing.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitStreamsThroughIntact() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        new Random(11).nextBytes(body);
        JsonObject echo = http1Chunked(body);
        assertEquals(body.length, echo.getLong("bodyLength"));
        assertEquals(sha256(body), echo.getString("bodySha256"));
    }

    @Test
    void anHttp2BodyWithoutContentLengthIsForwardedIntact() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024 + 17];
        new Random(13).nextBytes(body);
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
            JsonObject echo = client.request(new RequestOptions().setMethod(HttpMethod.POST)
                    .setHost(gateway.getHost()).setPort(gateway.getPort())
                    .setURI("/api/v1/insurers/33120015/member-batches")
                    .putHeader("Authorization", "Bearer " + Tokens.withRoles("insurer")))
                    .compose(request -> {
                        request.setChunked(true);
                        for (int offset = 0; offset < body.length; offset += 100_000) {
                            request.write(Buffer.buffer(body).slice(offset, Math.min(body.length, offset + 100_000)));
                        }
                        return request.end().compose(ignored -> request.response());
                    })
                    .compose(response -> {
                        assertEquals(HttpVersion.HTTP_2, response.version());
                        assertEquals(200, response.statusCode());
                        return response.body();
                    })
                    .map(Buffer::toJsonObject)
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertNull(echo.getString("contentLength"));
            assertEquals(body.length, echo.getLong("bodyLength"));
            assertEquals(sha256(body), echo.getString("bodySha256"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aHundredKilobyteHeaderIs431Problem() {
        RawHttp.Answer answer = RawHttp.send(gateway, "GET /api/v1/eligibility/checks/1 HTTP/1.1\r\nHost: x\r\n"
                + "X-Request-Id: big-header-1\r\nX-Big: " + "b".repeat(100 * 1024) + "\r\n\r\n");
        assertEquals(431, answer.status(), answer.raw());
        assertProblem(answer);
        assertEquals("big-header-1", answer.header("X-Request-Id"));
    }

    @Test
    void everyErrorTheGatewaySendsIsAContractProblem() {
        String clinic = Tokens.withRoles("clinic");
        List<RawHttp.Answer> answers = new ArrayList<>();
        String[] requests = {
                "GET /api/v1/eligibility/checks/1 HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/v1/eligibility/checks/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ....\r\n\r\n",
                "GET /api/v1/eligibility/checks/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YTpi\r\n\r\n",
                "GET /api/v1/eligibility/checks/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + Tokens.forged("clinic") + "\r\n\r\n",
                "GET /api/v1/eligibility/checks/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + Tokens.expired("clinic") + "\r\n\r\n",
                "GET /api/v1/eligibility/checks/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + Tokens.idToken("clinic") + "\r\n\r\n",
                "GET /api/v1/stats/adoption HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + clinic + "\r\n\r\n",
                "GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + clinic + "\r\n\r\n",
                "GET /nothing HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + clinic + "\r\n\r\n",
                "GET /q/nothing HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/v1/facilities/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + Tokens.withRoles("portal-admin") + "\r\n\r\n",
                "GET /api/v1/eligibility/hang HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + clinic + "\r\n\r\n",
                "POST /api/v1/claims/x HTTP/1.1\r\nHost: x\r\nContent-Length: " + (3L << 30) + "\r\n\r\n",
                "POST /api/v1/claims/x HTTP/1.1\r\nHost: x\r\nContent-Length: " + (17 << 20) + "\r\n\r\n",
                "GET /api/v1/eligibility/checks/1 HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(100 * 1024)
                        + "\r\n\r\n",
                "GET /api/v1/facilities/../eligibility/checks/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + Tokens.withRoles("facility-admin") + "\r\n\r\n",
        };
        for (String request : requests) {
            RawHttp.Answer answer = RawHttp.send(gateway, request);
            assertTrue(answer.status() >= 400, request.lines().findFirst() + " -> " + answer.status());
            answers.add(answer);
            assertProblem(answer);
        }
        assertEquals(requests.length, answers.size());
        assertEquals(List.of(), errorLog.messages());
    }

    static void assertProblem(RawHttp.Answer answer) {
        assertTrue(answer.header("Content-Type") != null
                && answer.header("Content-Type").startsWith("application/problem+json"), answer.raw());
        assertNotNull(answer.header("X-Request-Id"), answer.raw());
        JsonObject problem = answer.json();
        assertTrue(CODES.contains(problem.getString("code")), answer.raw());
        assertEquals(answer.status(), problem.getInteger("status"), answer.raw());
        assertNotNull(problem.getString("title"), answer.raw());
        assertNotNull(problem.getString("type"), answer.raw());
        if (answer.status() == 405) {
            assertNotNull(answer.header("Allow"), answer.raw());
        }
        if (answer.status() == 503 || answer.status() == 504) {
            assertNotNull(answer.header("Retry-After"), answer.raw());
        }
    }

    private JsonObject http1Chunked(byte[] body) throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/insurers/33120015/member-batches HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.withRoles("insurer") + "\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < body.length; offset += 50_000) {
                int n = Math.min(50_000, body.length - offset);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, offset, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertEquals(200, answer.status(), answer.raw());
            String json = answer.body();
            if ("chunked".equalsIgnoreCase(answer.header("Transfer-Encoding"))) {
                json = json.substring(json.indexOf("\r\n") + 2, json.lastIndexOf("}") + 1);
            }
            return new JsonObject(json);
        }
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    private static void assertNull(Object value) {
        org.junit.jupiter.api.Assertions.assertNull(value);
    }

    /** Collects what is logged at ERROR (or above) while a test runs. */
    static final class ErrorLog extends Handler {
        private final List<String> messages = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                messages.add(record.getLoggerName() + ": " + record.getMessage());
            }
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
