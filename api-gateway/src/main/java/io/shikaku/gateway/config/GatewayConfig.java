package io.shikaku.gateway.config;

import java.net.URI;
import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
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

    /** Largest request body the gateway lets through, declared ({@code Content-Length}) or streamed (chunked). */
    @WithDefault("64M")
    MemorySize maxBodySize();

    /** Largest total size of the request headers the gateway lets through (the services' own limit). */
    @WithDefault("20K")
    MemorySize maxHeaderSize();

    /** Pooled connections per service. */
    @WithDefault("100")
    int maxConnectionsPerService();

    interface Downstream {
        URI eligibility();

        URI medication();

        URI checkup();

        URI facility();
    }
}
