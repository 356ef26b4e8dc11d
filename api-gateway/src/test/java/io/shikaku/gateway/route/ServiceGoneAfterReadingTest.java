package io.shikaku.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.shikaku.gateway.config.GatewayConfig;
import io.shikaku.gateway.problem.ProblemResponses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;

/**
 * A service that dies after reading a request in full (the fault suite's {@code kill -9}), behind a real proxy with
 * the gateway's failure interceptor: an HTTP/2 caller gets {@code 503 UNAVAILABLE} at once. Releasing the already-read
 * body threw over HTTP/2, and the caller got no answer at all.
 */
class ServiceGoneAfterReadingTest {

    private Vertx vertx;
    private int proxyPort;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        // reads the whole request, then goes away without a word, as a killed process does
        int servicePort = await(vertx.createHttpServer()
                .requestHandler(request -> request.end().onSuccess(ignored -> request.connection().close()))
                .listen(0, "localhost")).actualPort();
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)))
                .origin(new DownstreamOrigin(URI.create("http://localhost:" + servicePort), Duration.ofSeconds(2),
                        Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .addInterceptor(new DownstreamFailureInterceptor(Service.MEDICATION, problemResponses()));
        proxyPort = await(vertx.createHttpServer().requestHandler(proxy).listen(0, "localhost")).actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void anHttp2CallerWhoseRequestTheServiceReadBeforeDyingGets503() throws Exception {
        assertEquals("503 UNAVAILABLE", call(HttpVersion.HTTP_2, HttpMethod.POST, "{\"a\":1}"));
        assertEquals("503 UNAVAILABLE", call(HttpVersion.HTTP_2, HttpMethod.GET, null));
    }

    @Test
    void soDoesAnHttp11Caller() throws Exception {
        assertEquals("503 UNAVAILABLE", call(HttpVersion.HTTP_1_1, HttpMethod.POST, "{\"a\":1}"));
    }

    private String call(HttpVersion version, HttpMethod method, String body) throws Exception {
        HttpClientOptions options = new HttpClientOptions().setProtocolVersion(version)
                .setHttp2ClearTextUpgrade(false);
        return await(vertx.createHttpClient(options)
                .request(new RequestOptions().setMethod(method).setHost("localhost").setPort(proxyPort)
                        .setURI("/api/v1/persons/x/medications"))
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(answer -> response.statusCode() + " "
                        + answer.toJsonObject().getString("code"))));
    }

    static ProblemResponses problemResponses() throws Exception {
        GatewayConfig config = (GatewayConfig) java.lang.reflect.Proxy.newProxyInstance(
                GatewayConfig.class.getClassLoader(), new Class<?>[] {GatewayConfig.class},
                (self, method, args) -> method.getName().equals("retryAfterSeconds") ? 5 : null);
        var constructor = ProblemResponses.class.getDeclaredConstructor(GatewayConfig.class);
        constructor.setAccessible(true);
        return constructor.newInstance(config);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
