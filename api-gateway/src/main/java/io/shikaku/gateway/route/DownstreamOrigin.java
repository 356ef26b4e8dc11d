package io.shikaku.gateway.route;

import java.net.URI;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyRequest;

/**
 * Opens requests to one service's base URL, each guarded by {@link LateResetGuard}, with the gateway's timeouts: the
 * connect timeout to get a connection, then the body idle timeout while the caller's body is forwarded and the response
 * timeout from its last byte on ({@link ForwardedBody}).
 */
final class DownstreamOrigin implements OriginRequestProvider {

    private static final Logger LOG = Logger.getLogger(DownstreamOrigin.class);

    /** {@link ProxyContext} attachment set once a connection to the service was obtained. */
    static final String CONNECTED = "shikaku.downstream.connected";

    /** {@link ProxyContext} attachment: the {@link ForwardedBody} of the request, once a connection was obtained. */
    static final String BODY = "shikaku.downstream.body";

    private final String host;
    private final int port;
    private final boolean ssl;
    private final long connectTimeoutMillis;
    private final long bodyIdleTimeoutMillis;
    private final long responseTimeoutMillis;

    DownstreamOrigin(URI baseUrl, Duration connectTimeout, Duration bodyIdleTimeout, Duration responseTimeout) {
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("A service URL is http(s)://host[:port], not " + baseUrl);
        }
        if (baseUrl.getRawPath() != null && !baseUrl.getRawPath().isEmpty() && !baseUrl.getRawPath().equals("/")) {
            throw new IllegalArgumentException("A service URL carries no path (the gateway forwards /api/v1/...): "
                    + baseUrl);
        }
        this.ssl = "https".equals(scheme);
        this.host = baseUrl.getHost();
        this.port = baseUrl.getPort() > 0 ? baseUrl.getPort() : (ssl ? 443 : 80);
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.bodyIdleTimeoutMillis = bodyIdleTimeout.toMillis();
        this.responseTimeoutMillis = responseTimeout.toMillis();
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        RequestOptions options = new RequestOptions()
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(bodyIdleTimeoutMillis);
        HttpServerResponse caller = context.request().proxiedRequest().response();
        return context.client().request(options)
                .map(this::reportingFailuresQuietly)
                .compose(request -> unlessCallerLeft(caller, request))
                .map(request -> {
                    forwardBody(context, request);
                    return LateResetGuard.guard(request);
                })
                .onSuccess(request -> context.set(CONNECTED, Boolean.TRUE));
    }

    /**
     * Sends the caller's body through a {@link ForwardedBody}, which restarts the request's idle timeout as the body
     * goes and gives the service the response timeout from its end on.
     */
    private void forwardBody(ProxyContext context, HttpClientRequest request) {
        ProxyRequest proxied = context.request();
        Body body = proxied.getBody();
        if (body == null) {
            request.idleTimeout(responseTimeoutMillis); // nothing to send: the service may answer at once
            return;
        }
        ForwardedBody forwarded = new ForwardedBody(body.stream(), request, bodyIdleTimeoutMillis,
                responseTimeoutMillis);
        proxied.setBody(Body.body(forwarded, body.length()));
        context.set(BODY, forwarded);
    }

    /**
     * A failure reaches the caller through the response (DownstreamFailureInterceptor); without a handler, Vert.x would
     * log each request that fails before its end (a body over the limit or cut off, a caller gone mid-body) at ERROR.
     */
    private HttpClientRequest reportingFailuresQuietly(HttpClientRequest request) {
        request.exceptionHandler(failure -> LOG.debugf("A %s to %s failed before its end (%s)", request.getMethod(),
                this, failure.getClass().getSimpleName()));
        return request;
    }

    /**
     * A caller that left before now (while its token was checked or a connection awaited) is never noticed by the
     * proxy, which listens for it only from now on: the exchange would stay pending on its pooled connection until the
     * timeout of the request. Nothing has been written yet, so the reset gives the connection back to the pool.
     */
    private static Future<HttpClientRequest> unlessCallerLeft(HttpServerResponse caller, HttpClientRequest request) {
        if (caller.closed()) {
            request.reset();
            return Future.failedFuture(new HttpClosedException("the caller left before the request was sent"));
        }
        return Future.succeededFuture(request);
    }

    @Override
    public String toString() {
        return (ssl ? "https://" : "http://") + host + ":" + port;
    }
}
