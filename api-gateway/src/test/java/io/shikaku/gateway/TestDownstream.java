package io.shikaku.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shikaku.common.testing.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * A little service behind the gateway, on its own plain Vert.x: it answers with what it received (method, path, query,
 * Authorization, X-Request-Id and a digest of the body), so that a test sees what the gateway forwarded. Paths ending in
 * {@code /hang} never answer, {@code /large?bytes=N} answers N bytes. The facility service points at a closed port.
 * The request ids of requests whose body was cut off before its end are kept ({@link #cutOff(String)}).
 */
public class TestDownstream implements QuarkusTestResourceLifecycleManager {

    private static final Set<String> CUT_OFF = ConcurrentHashMap.newKeySet();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(TestDownstream::handle);
        int port;
        try {
            port = server.listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("Test downstream did not start", e);
        }
        String echo = "http://localhost:" + port;
        return Map.of(
                "SHIKAKU_ELIGIBILITY_URL", echo,
                "SHIKAKU_MEDICATION_URL", echo,
                "SHIKAKU_CHECKUP_URL", echo,
                "SHIKAKU_FACILITY_URL", "http://localhost:" + closedPort(),
                "quarkus.oidc.public-key", Tokens.resource(Tokens.PUBLIC_KEY));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private static void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.endsWith("/hang")) {
            return; // never answers
        }
        if (path.endsWith("/large")) {
            sendLarge(request, Integer.parseInt(request.getParam("bytes")));
            return;
        }
        MessageDigest sha = sha256();
        long[] length = {0};
        Buffer small = Buffer.buffer();
        String requestId = request.getHeader("X-Request-Id");
        request.exceptionHandler(failure -> {
            if (requestId != null && !request.isEnded()) {
                CUT_OFF.add(requestId);
            }
        });
        request.handler(chunk -> {
            sha.update(chunk.getBytes());
            length[0] += chunk.length();
            if (small.length() < 4096) {
                small.appendBuffer(chunk);
            }
        });
        request.endHandler(ignored -> {
            JsonObject echo = new JsonObject()
                    .put("method", request.method().name())
                    .put("path", path)
                    .put("query", request.query())
                    .put("authorization", request.getHeader("Authorization"))
                    .put("requestId", request.getHeader("X-Request-Id"))
                    .put("contentType", request.getHeader("Content-Type"))
                    .put("contentLength", request.getHeader("Content-Length"))
                    .put("transferEncoding", request.getHeader("Transfer-Encoding"))
                    .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                    .put("bodyLength", length[0])
                    .put("bodySha256", HexFormat.of().formatHex(sha.digest()))
                    .put("body", length[0] <= 4096 ? small.toString(StandardCharsets.UTF_8) : null);
            String status = request.getHeader("X-Echo-Status");
            request.response()
                    .setStatusCode(status == null ? 200 : Integer.parseInt(status))
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Downstream", "echo")
                    .putHeader("Location", "/api/v1/somewhere/42")
                    .end(echo.toBuffer());
        });
    }

    /** Whether the request with this id reached the service and lost its connection before its body ended. */
    static boolean cutOff(String requestId) {
        return CUT_OFF.contains(requestId);
    }

    private static void sendLarge(HttpServerRequest request, int bytes) {
        request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) i;
        }
        int sent = 0;
        while (sent < bytes) {
            int n = Math.min(chunk.length, bytes - sent);
            request.response().write(Buffer.buffer(chunk).slice(0, n));
            sent += n;
        }
        request.response().end();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
