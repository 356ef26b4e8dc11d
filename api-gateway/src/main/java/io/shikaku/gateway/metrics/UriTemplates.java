package io.shikaku.gateway.metrics;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Names the request for the {@code uri} tag of the HTTP server metrics, so that ids and probes in paths do not make one
 * time series each: a routed request is named by its route pattern, anything else by a catch-all.
 */
public final class UriTemplates {

    /** The context-local key Quarkus' Micrometer binder reads. */
    static final String KEY = "UrlPathTemplate";

    /** The name of whatever no route took. */
    public static final String UNROUTED = "/**";

    private UriTemplates() {
    }

    /** The name set for the request being handled on this context, or the catch-all. */
    public static String current() {
        Context context = Vertx.currentContext();
        Object template = context == null ? null : context.getLocal(KEY);
        return template == null ? UNROUTED : template.toString();
    }

    public static void set(String template) {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(KEY, template);
        }
    }
}
