package io.shikaku.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.shikaku.contract.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs first on every request, below JAX-RS, so that even the HTTP layer's own answers (413, 405, 404) carry the
 * request id of API.md, and no answer is cached by a browser or sniffed into another type (personal data lives in
 * these responses).
 */
@ApplicationScoped
public class RequestIdAndHeadersFilter {

    /** Above authentication (200) and CORS (300). */
    static final int PRIORITY = 1_000;

    void register(@Observes Filters filters) {
        filters.register(RequestIdAndHeadersFilter::apply, PRIORITY);
    }

    static void apply(RoutingContext ctx) {
        String id = RequestIds.sanitize(ctx.request().getHeader(RequestIds.HEADER));
        ctx.request().headers().set(RequestIds.HEADER, id);
        MDC.put("requestId", id);
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set(RequestIds.HEADER, id);
            headers.set("X-Content-Type-Options", "nosniff");
            if (!headers.contains("Cache-Control")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        ctx.next();
    }
}
