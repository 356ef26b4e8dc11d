package io.shikaku.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.RawHttp;
import io.shikaku.common.testing.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * Uploads over slow lines: the response timeout (1.5 s in tests) is the service's, counted from the end of the body,
 * so an upload may last longer as long as it keeps moving; one that stops for that long is cut off. Real sockets, the
 * caller's pauses well below the timeout and its total well above it.
 */
@QuarkusTest
@QuarkusTestResource(value = TestDownstream.class, restrictToAnnotatedClass = true)
class SlowUploadTest {

    private static final long RESPONSE_TIMEOUT_MILLIS = 1_500;
    private static final int PIECES = 8;
    private static final long PAUSE_MILLIS = 400;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void anUploadLongerThanTheResponseTimeoutThatKeepsMovingGetsTheServiceAnswer() throws Exception {
        byte[] body = randomBody(PIECES * 4096);
        try (Socket socket = connect()) {
            long started = System.nanoTime();
            sendHead(socket, "/api/v1/insurers/33120015/member-batches", "insurer", "slow-1", body.length);
            sendSlowly(socket.getOutputStream(), body);
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

            assertTrue(millisSince(started) > RESPONSE_TIMEOUT_MILLIS, "the upload outlasted the response timeout");
            assertEquals(200, answer.status(), answer.raw());
            assertEquals("slow-1", answer.header("X-Request-Id"));
            JsonObject echo = json(answer);
            assertEquals(body.length, echo.getLong("bodyLength"));
            assertEquals(sha256(body), echo.getString("bodySha256"));
        }
    }

    @Test
    void aChunkedUploadLongerThanTheResponseTimeoutThatKeepsMovingGetsTheServiceAnswer() throws Exception {
        byte[] body = randomBody(PIECES * 4096);
        try (Socket socket = connect()) {
            sendHead(socket, "/api/v1/claims/dispensing-batches", "claims-feed", "slow-chunked-1", -1);
            OutputStream out = socket.getOutputStream();
            int piece = body.length / PIECES;
            for (int offset = 0; offset < body.length; offset += piece) {
                out.write((Integer.toHexString(piece) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, offset, piece);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(PAUSE_MILLIS);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

            assertEquals(200, answer.status(), answer.raw());
            JsonObject echo = json(answer);
            assertEquals(body.length, echo.getLong("bodyLength"));
            assertEquals(sha256(body), echo.getString("bodySha256"));
        }
    }

    @Test
    void aServiceThatDoesNotAnswerAfterASlowUploadTimesOutAResponseTimeoutAfterTheBodyEnded() throws Exception {
        byte[] body = randomBody(PIECES * 1024);
        try (Socket socket = connect()) {
            sendHead(socket, "/api/v1/eligibility/hang", "clinic", "slow-hang-1", body.length);
            CompletableFuture<Long> lastPieceSent = CompletableFuture.supplyAsync(() -> {
                try {
                    return sendSlowly(socket.getOutputStream(), body);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("the gateway stopped taking the body", e);
                }
            });
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            long answered = System.nanoTime();

            ProbeTest.assertProblem(answer);
            assertEquals(504, answer.status(), answer.raw());
            assertEquals("TIMEOUT", answer.json().getString("code"));
            assertTrue(lastPieceSent.isDone(), "answered while the body was still being sent: " + answer.raw());
            long afterBody = TimeUnit.NANOSECONDS.toMillis(answered - lastPieceSent.get());
            assertTrue(afterBody >= RESPONSE_TIMEOUT_MILLIS - 50, "answered " + afterBody + " ms after the body");
        }
    }

    @Test
    void aCallerThatStopsSendingItsBodyIsCutOffAndTheServiceLetGo() throws Exception {
        try (Socket socket = connect()) {
            long started = System.nanoTime();
            sendHead(socket, "/api/v1/insurers/33120015/member-batches", "insurer", "stalled-1", 100_000);
            socket.getOutputStream().write(randomBody(1000)); // and no more
            socket.getOutputStream().flush();
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream()); // the socket gives up after 10 s

            ProbeTest.assertProblem(answer);
            assertEquals(408, answer.status(), answer.raw());
            assertEquals("VALIDATION_FAILED", answer.json().getString("code"));
            assertEquals("stalled-1", answer.header("X-Request-Id"));
            assertTrue(millisSince(started) >= RESPONSE_TIMEOUT_MILLIS - 50, "cut off after the body idle timeout");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!TestDownstream.cutOff("stalled-1") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(TestDownstream.cutOff("stalled-1"), "the request to the service was cut off too");
        }
    }

    @Test
    void anHttp2GetWithoutABodyReachesTheServiceWithoutOne() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
            JsonObject echo = client.request(new RequestOptions().setMethod(HttpMethod.GET)
                    .setHost(gateway.getHost()).setPort(gateway.getPort())
                    .setURI("/api/v1/persons/P123/medications")
                    .putHeader("Authorization", "Bearer " + Tokens.withRoles("clinic")))
                    .compose(request -> request.send())
                    .compose(response -> {
                        assertEquals(HttpVersion.HTTP_2, response.version());
                        assertEquals(200, response.statusCode());
                        return response.body();
                    })
                    .map(Buffer::toJsonObject)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("GET", echo.getString("method"));
            assertNull(echo.getString("transferEncoding"));
            assertNull(echo.getString("contentLength"));
            assertEquals(0, echo.getLong("bodyLength"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(gateway.getHost(), gateway.getPort());
        socket.setSoTimeout(10_000); // a gateway that hangs fails the test instead of stalling it
        return socket;
    }

    /** The request head; with a Content-Length, or chunked when {@code length} is negative. */
    private static void sendHead(Socket socket, String path, String role, String requestId, long length)
            throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.withRoles(role) + "\r\n"
                + "X-Request-Id: " + requestId + "\r\nContent-Type: application/octet-stream\r\n"
                + "Connection: close\r\n"
                + (length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n")
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * The body in {@link #PIECES} pieces, each after a pause: well below the timeout each, well above it in all.
     *
     * @return when the last piece began to be sent ({@link System#nanoTime()})
     */
    private static long sendSlowly(OutputStream out, byte[] body) throws IOException, InterruptedException {
        int piece = body.length / PIECES;
        long lastPiece = 0;
        for (int offset = 0; offset < body.length; offset += piece) {
            Thread.sleep(PAUSE_MILLIS);
            lastPiece = System.nanoTime();
            out.write(body, offset, Math.min(piece, body.length - offset));
            out.flush();
        }
        return lastPiece;
    }

    /** The echo's JSON, whether it came with a length or chunked. */
    private static JsonObject json(RawHttp.Answer answer) {
        String json = answer.body();
        if ("chunked".equalsIgnoreCase(answer.header("Transfer-Encoding"))) {
            json = json.substring(json.indexOf("\r\n") + 2, json.lastIndexOf("}") + 1);
        }
        return new JsonObject(json);
    }

    private static byte[] randomBody(int length) {
        byte[] body = new byte[length];
        new Random(length).nextBytes(body);
        return body;
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }
}
