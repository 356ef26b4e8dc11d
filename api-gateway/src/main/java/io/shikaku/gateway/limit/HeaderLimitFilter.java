package io.shikaku.gateway.limit;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.shikaku.contract.Problem;
import io.shikaku.gateway.config.GatewayConfig;
import io.shikaku.gateway.problem.ProblemResponses;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses request headers above {@code shikaku.gateway.max-header-size} with a 431 problem. Vert.x' own limit
 * ({@code quarkus.http.limits.max-header-size}) is set far higher, because what it refuses gets a bare 431 that no
 * handler sees; this filter answers first, with the request id and a contract code.
 */
@ApplicationScoped
public class HeaderLimitFilter {

    /** Right after the response headers (1000), before anything reads a header. */
    static final int PRIORITY = 900;

    private final long maxHeaderBytes;
    private final ProblemResponses responses;

    HeaderLimitFilter(GatewayConfig config, ProblemResponses responses) {
        this.maxHeaderBytes = config.maxHeaderSize().asLongValue();
        this.responses = responses;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        long size = 0;
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        if (size > maxHeaderBytes) {
            responses.send(ctx, Problem.forStatus(431, "The request headers are larger than the gateway accepts."));
            return;
        }
        ctx.next();
    }
}
