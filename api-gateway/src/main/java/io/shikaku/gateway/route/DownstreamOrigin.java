package io.shikaku.gateway.route;

import java.net.URI;
import java.time.Duration;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

/** Opens requests to one service's base URL, with the connect and response timeouts of the gateway. */
final class DownstreamOrigin implements OriginRequestProvider {

    /** {@link ProxyContext} attachment set once a connection to the service was obtained. */
    static final String CONNECTED = "shikaku.downstream.connected";

    private final String host;
    private final int port;
    private final boolean ssl;
    private final long connectTimeoutMillis;
    private final long responseTimeoutMillis;

    DownstreamOrigin(URI baseUrl, Duration connectTimeout, Duration responseTimeout) {
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
        this.responseTimeoutMillis = responseTimeout.toMillis();
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        RequestOptions options = new RequestOptions()
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(responseTimeoutMillis);
        return context.client().request(options)
                .onSuccess(request -> context.set(CONNECTED, Boolean.TRUE));
    }

    @Override
    public String toString() {
        return (ssl ? "https://" : "http://") + host + ":" + port;
    }
}
