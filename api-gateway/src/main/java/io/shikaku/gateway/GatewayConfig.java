package io.shikaku.gateway;

import java.net.URI;
import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.shikaku.gateway.route.Service;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's own settings ({@code shikaku.gateway.*}); see application.properties for the environment variables. */
@ConfigMapping(prefix = "shikaku.gateway")
public interface GatewayConfig {

    /** Base URLs ({@code scheme://host:port}) of the services behind the gateway. */
    Downstream downstream();

    /** Time to get a connection to a service (TCP connect or a free pooled connection). */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Time a service may take before its response starts (and between chunks of its body). */
    @WithDefault("30s")
    Duration responseTimeout();

    /** Seconds put in {@code Retry-After} when a service is unavailable. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** Largest request body (by {@code Content-Length}) the gateway lets through. */
    @WithDefault("64M")
    MemorySize maxBodySize();

    /** Pooled connections per service. */
    @WithDefault("100")
    int maxConnectionsPerService();

    interface Downstream {
        URI eligibility();

        URI medication();

        URI checkup();

        URI facility();
    }

    /** The configured base URL of one service. */
    default URI urlOf(Service service) {
        return switch (service) {
            case ELIGIBILITY -> downstream().eligibility();
            case MEDICATION -> downstream().medication();
            case CHECKUP -> downstream().checkup();
            case FACILITY -> downstream().facility();
        };
    }
}
