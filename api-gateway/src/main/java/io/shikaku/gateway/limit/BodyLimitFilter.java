package io.shikaku.gateway.limit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.shikaku.gateway.GatewayConfig;
import io.shikaku.gateway.problem.Problem;
import io.shikaku.gateway.problem.ProblemResponses;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose declared {@code Content-Length} is above {@code shikaku.gateway.max-body-size} with 413,
 * before the token is even verified. Bodies are streamed, never buffered, so the limit is about abuse, not memory.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** After the request id (1000), before authentication (200). */
    static final int PRIORITY = 500;

    private final long maxBodyBytes;

    BodyLimitFilter(GatewayConfig config) {
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        if (declaredLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH)) > maxBodyBytes) {
            ProblemResponses.send(ctx, Problem.payloadTooLarge());
            return;
        }
        ctx.next();
    }

    static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
