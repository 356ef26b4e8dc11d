package io.shikaku.gateway.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps the {@code uri} tag of the public HTTP server metrics to a fixed set of values: every request starts as
 * {@link UriTemplates#UNROUTED} (routes name it more precisely), and a response the router never saw (a malformed
 * request answered by Vert.x itself) is tagged so too, never with its raw path. Quarkus' own {@code /q/*} endpoints are
 * left to Micrometer, which does not measure them.
 */
@ApplicationScoped
public class BoundedUriTags implements HttpServerMetricsTagsContributor {

    /** Before everything else, so that even a request refused by a filter is named. */
    static final int PRIORITY = 2_000;

    private static final String NON_APPLICATION_ROOT = "/q/";

    void register(@Observes Filters filters) {
        filters.register(BoundedUriTags::nameUnrouted, PRIORITY);
    }

    static void nameUnrouted(RoutingContext ctx) {
        if (!ctx.request().path().startsWith(NON_APPLICATION_ROOT)) {
            UriTemplates.set(UriTemplates.UNROUTED);
        }
        ctx.next();
    }

    @Override
    public Tags contribute(Context context) {
        if (context.request() instanceof HttpServerRequestInternal request
                && request.context().getLocal(UriTemplates.KEY) != null) {
            return Tags.empty();
        }
        return Tags.of(Tag.of("uri", UriTemplates.UNROUTED));
    }
}
