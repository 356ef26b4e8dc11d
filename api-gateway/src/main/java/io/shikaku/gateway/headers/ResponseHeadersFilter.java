package io.shikaku.gateway.headers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.shikaku.contract.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs first on every request: fixes the request id, puts it on the request (so the service gets the same one) and,
 * with the headers that keep personal data out of caches and out of content sniffing, on whatever response leaves
 * the gateway, its own problems and the services' answers alike.
 */
@ApplicationScoped
public class ResponseHeadersFilter {

    /** Above every other filter, CORS (300) and authentication (200) included, so that even a 401 carries them. */
    static final int PRIORITY = 1_000;

    static final String NOSNIFF = "nosniff";
    static final String NO_STORE = "no-store";

    void register(@Observes Filters filters) {
        filters.register(ResponseHeadersFilter::apply, PRIORITY);
    }

    static void apply(RoutingContext ctx) {
        String id = RequestIds.sanitize(ctx.request().getHeader(RequestIds.HEADER));
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.addHeadersEndHandler(ignored -> applyTo(ctx.response().headers(), id));
        ctx.next();
    }

    /** The headers every response carries: the request id, {@code nosniff}, and {@code no-store} unless set. */
    public static void applyTo(MultiMap headers, String requestId) {
        headers.set(RequestIds.HEADER, requestId);
        headers.set("X-Content-Type-Options", NOSNIFF);
        if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
    }
}
