package io.shikaku.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;

/**
 * A real service behind a real proxy with one pooled connection: a caller that left, with half its body sent, while
 * the proxy waited for that connection must not keep it once it is free, or the next caller waits out the connect
 * timeout.
 */
class CallerLeftTest {

    private Vertx vertx;
    private int proxyPort;
    private final AtomicInteger arrived = new AtomicInteger();
    private final Promise<Void> secondArrived = Promise.promise();
    private final Promise<Void> secondLeft = Promise.promise();
    private final Promise<Void> hangReceived = Promise.promise();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        int servicePort = await(vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/hang")) {
                hangReceived.tryComplete();
                return;
            }
            request.end().onSuccess(ignored -> request.response().end("served"));
        }).listen(0, "localhost")).actualPort();
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(1)))
                .origin(new DownstreamOrigin(URI.create("http://localhost:" + servicePort), Duration.ofSeconds(2),
                        Duration.ofSeconds(30), Duration.ofSeconds(30)));
        proxyPort = await(vertx.createHttpServer().connectionHandler(connection -> {
            int n = arrived.get();
            connection.closeHandler(ignored -> {
                if (n == 1) {
                    secondLeft.tryComplete();
                }
            });
        }).requestHandler(request -> {
            if (arrived.incrementAndGet() == 2) {
                secondArrived.tryComplete();
            }
            proxy.handle(request);
        }).listen(0, "localhost")).actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void aCallerThatLeftWhileWaitingForAConnectionDoesNotKeepIt() throws Exception {
        try (Socket hanging = new Socket("localhost", proxyPort)) {
            send(hanging, "/hang", "{}", "{}");
            await(hangReceived.future()); // holds the one connection
            try (Socket leaving = new Socket("localhost", proxyPort)) {
                send(leaving, "/checks", "{\"a\":1}", "{\""); // half the body
                await(secondArrived.future());
            }
            await(secondLeft.future());
        } // the proxy resets the hanging exchange: the connection is free for the caller that left, then the next one

        String answer = await(vertx.createHttpClient()
                .request(new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost").setPort(proxyPort)
                        .setURI("/checks"))
                .compose(request -> request.send("{}"))
                .compose(response -> response.body().map(body -> response.statusCode() + " " + body)));
        assertEquals("200 served", answer);
    }

    private static void send(Socket socket, String path, String declaredBody, String sentBody) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + declaredBody.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + sentBody)
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
