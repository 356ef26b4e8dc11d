package io.shikaku.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.shikaku.common.testing.RawHttp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;

/**
 * A real service behind a real proxy with the gateway's origin and failure interceptor, one pooled connection and
 * timeouts of half a second: how the body idle timeout and the response timeout, restarted as a body goes, treat a
 * service that stops reading and one that answers before the body has ended.
 */
class ForwardedBodyTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private Vertx vertx;
    private int proxyPort;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        // small socket buffers, so that a service that stops reading holds the body back soon
        int servicePort = await(vertx.createHttpServer(new HttpServerOptions().setReceiveBufferSize(16 * 1024))
                .requestHandler(ForwardedBodyTest::serve).listen(0, "localhost")).actualPort();
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setSendBufferSize(16 * 1024),
                new PoolOptions().setHttp1MaxSize(1)))
                .origin(new DownstreamOrigin(URI.create("http://localhost:" + servicePort), Duration.ofSeconds(2),
                        TIMEOUT, TIMEOUT))
                .addInterceptor(new DownstreamFailureInterceptor(Service.ELIGIBILITY,
                        ServiceGoneAfterReadingTest.problemResponses()));
        proxyPort = await(vertx.createHttpServer().requestHandler(proxy).listen(0, "localhost")).actualPort();
    }

    /** {@code /unread} stops reading and never answers; {@code /early} answers at once; {@code /trickle} slowly. */
    private static void serve(HttpServerRequest request) {
        switch (request.path()) {
            case "/unread" -> request.pause();
            case "/early" -> request.response().end("early");
            case "/trickle" -> trickle(request.response().setChunked(true), 6);
            default -> request.response().setStatusCode(404).end();
        }
    }

    private static void trickle(HttpServerResponse response, int left) {
        if (left == 0) {
            response.end();
            return;
        }
        response.write("x");
        Vertx.currentContext().owner().setTimer(200, id -> trickle(response, left - 1));
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void aServiceThatStopsReadingTheBodyIs504NotTheCallers408() throws Exception {
        byte[] body = new byte[8 * 1024 * 1024];
        try (Socket socket = new Socket("localhost", proxyPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head("/unread", body.length));
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(body); // blocks once the service stops reading, until the gateway lets go
                } catch (IOException e) {
                    // the socket closed at the end of the test
                }
            });

            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

            assertEquals("504 TIMEOUT", answer.status() + " " + answer.json().getString("code"), answer.raw());
            socket.close();
            writing.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServiceThatAnsweredBeforeTheBodyEndedKeepsItsConnectionForTheNextRequest() throws Exception {
        try (Socket early = new Socket("localhost", proxyPort)) {
            early.setSoTimeout(10_000);
            early.getOutputStream().write(head("/early", 2));
            early.getOutputStream().write('a');
            assertEquals(200, RawHttp.read(early.getInputStream()).status());
            early.getOutputStream().write('b'); // the body ends after the answer: no timeout may start now
            early.getOutputStream().flush();

            // the one pooled connection again, busy for longer than the timeouts while its answer trickles in
            String answer = await(vertx.createHttpClient()
                    .request(new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost").setPort(proxyPort)
                            .setURI("/trickle"))
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(got -> response.statusCode() + " " + got)));

            assertEquals("200 xxxxxx", answer);
        }
    }

    private static byte[] head(String path, long length) {
        return ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
