package io.shikaku.gateway.route;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.shikaku.gateway.config.GatewayConfig;
import io.shikaku.gateway.limit.BodyLimit;
import io.shikaku.gateway.problem.ProblemResponses;
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

    DownstreamProxies(Vertx vertx, GatewayConfig config, ProblemResponses responses, BodyLimit bodyLimit) {
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setDecompressionSupported(false);
        this.client = vertx.createHttpClient(options,
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
        for (Service service : Service.values()) {
            DownstreamOrigin origin = new DownstreamOrigin(urlOf(config.downstream(), service), config.connectTimeout(),
                    config.bodyIdleTimeout(), config.responseTimeout());
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(origin)
                    .addInterceptor(new DownstreamFailureInterceptor(service, responses))
                    .addInterceptor(bodyLimit)
                    .addInterceptor(new ForwardedHeadersInterceptor());
            proxies.put(service, proxy);
            LOG.infof("Routing %s to %s", service, origin);
        }
    }

    public HttpProxy forService(Service service) {
        return proxies.get(service);
    }

    private static URI urlOf(GatewayConfig.Downstream downstream, Service service) {
        return switch (service) {
            case ELIGIBILITY -> downstream.eligibility();
            case MEDICATION -> downstream.medication();
            case CHECKUP -> downstream.checkup();
            case FACILITY -> downstream.facility();
        };
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
