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

    /**
     * Time a service may take to start its response, counted from the last byte of the request body forwarded to it
     * (Vert.x 4.5 stops counting once the response has started).
     */
    @WithDefault("30s")
    Duration responseTimeout();

    /**
     * Time a request body being forwarded may go without a byte passed on to the service: a caller that stops sending
     * is answered 408, a service that stops reading 504. A slow upload that keeps moving is never cut off.
     */
    @WithDefault("30s")
    Duration bodyIdleTimeout();

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
