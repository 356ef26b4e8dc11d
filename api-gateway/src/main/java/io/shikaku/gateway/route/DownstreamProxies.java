package io.shikaku.gateway.route;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.shikaku.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;

/** One streaming reverse proxy per service, sharing one pooled HTTP client on Quarkus' Vert.x. */
@Singleton
public class DownstreamProxies {

    private static final Logger LOG = Logger.getLogger(DownstreamProxies.class);

    private final HttpClient client;
    private final Map<Service, HttpProxy> proxies = new EnumMap<>(Service.class);

    DownstreamProxies(Vertx vertx, GatewayConfig config) {
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setDecompressionSupported(false);
        this.client = vertx.createHttpClient(options,
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
        for (Service service : Service.values()) {
            DownstreamOrigin origin = new DownstreamOrigin(config.urlOf(service), config.connectTimeout(),
                    config.responseTimeout());
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(origin)
                    .addInterceptor(new DownstreamFailureInterceptor(service, config.retryAfterSeconds()))
                    .addInterceptor(new ForwardedHeadersInterceptor());
            proxies.put(service, proxy);
            LOG.infof("Routing %s to %s", service, origin);
        }
    }

    public HttpProxy forService(Service service) {
        return proxies.get(service);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
