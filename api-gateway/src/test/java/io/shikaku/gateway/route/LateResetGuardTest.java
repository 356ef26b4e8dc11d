package io.shikaku.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;

/**
 * A real Vert.x service and a pooled client with one connection: a late reset of an answered request (what the proxy
 * does when a caller gives up just as the answer comes) must not break the next request on that connection (without
 * the guard it fails with {@code HttpClosedException}, which the gateway answers 503), while a reset before the answer
 * still aborts the exchange.
 */
class LateResetGuardTest {

    private Vertx vertx;
    private HttpClient client;
    private int port;
    private final AtomicInteger received = new AtomicInteger();
    private final Promise<Void> hangReceived = Promise.promise();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        port = await(vertx.createHttpServer().requestHandler(request -> {
            received.incrementAndGet();
            if (request.path().equals("/hang")) {
                hangReceived.tryComplete();
                return;
            }
            request.end().onSuccess(ignored -> request.response().end("ok " + received.get()));
        }).listen(0, "localhost")).actualPort();
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(1));
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void aResetAfterTheAnswerLeavesTheNextRequestOnThatConnectionAlone() throws Exception {
        HttpClientRequest first = LateResetGuard.guard(await(client.request(post("/checks"))));
        Future<Void> firstAnswered = first.response().compose(HttpClientResponse::end);
        first.end("{}");
        await(firstAnswered);

        HttpClientRequest second = await(client.request(post("/checks"))); // the one pooled connection, reused
        first.reset();

        assertEquals("200 ok 2", await(answer(second)));
    }

    @Test
    void aResetBeforeTheAnswerStillAbortsTheExchange() throws Exception {
        HttpClientRequest hanging = LateResetGuard.guard(await(client.request(post("/hang"))));
        Future<String> answer = answer(hanging);
        await(hangReceived.future());

        hanging.reset();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> await(answer));
        assertInstanceOf(StreamResetException.class, failure.getCause());
        assertEquals("200 ok 2", await(answer(await(client.request(post("/checks"))))));
    }

    /** Sends the request and answers "status body"; the listener is in place before the answer can come. */
    private static Future<String> answer(HttpClientRequest request) {
        Future<String> answer = request.response()
                .compose(response -> response.body().map(body -> response.statusCode() + " " + body));
        request.end("{}");
        return answer;
    }

    private RequestOptions post(String path) {
        return new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost").setPort(port)
                .setURI(path);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
