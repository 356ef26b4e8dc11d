package io.shikaku.gateway.requestid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs before authentication on every request: fixes the request id, puts it on the request (so the service gets the
 * same one) and on whatever response leaves the gateway, its own problems included.
 */
@ApplicationScoped
public class RequestIdFilter {

    /** Above CORS (300) and authentication (200), so that even a 401 carries the id. */
    static final int PRIORITY = 1_000;

    /** Routing context key of the request id. */
    public static final String CONTEXT_KEY = "shikaku.requestId";

    void register(@Observes Filters filters) {
        filters.register(RequestIdFilter::assign, PRIORITY);
    }

    static void assign(RoutingContext ctx) {
        String id = RequestIds.sanitize(ctx.request().getHeader(RequestIds.HEADER));
        ctx.put(CONTEXT_KEY, id);
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set(RequestIds.HEADER, id));
        ctx.next();
    }
}
