package io.shikaku.gateway.limit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.shikaku.contract.ContentLength;
import io.shikaku.gateway.config.GatewayConfig;
import io.shikaku.gateway.problem.ProblemResponses;
import io.shikaku.gateway.problem.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose declared {@code Content-Length} is above {@code shikaku.gateway.max-body-size} with 413,
 * before the token is even verified; {@link BodyLimit} counts the bytes of bodies that declare no length.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** After the response headers (1000), before authentication (200). */
    static final int PRIORITY = 500;

    private final long maxBodyBytes;
    private final ProblemResponses responses;

    BodyLimitFilter(GatewayConfig config, ProblemResponses responses) {
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.responses = responses;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        if (ContentLength.declared(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH)) > maxBodyBytes) {
            responses.send(ctx, Problems.payloadTooLarge());
            return;
        }
        ctx.next();
    }
}
