package io.shikaku.common.web;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Names a request for the {@code uri} label of Quarkus' HTTP metrics when no resource method matched it, so that
 * unknown paths and ids never become time series of their own: a path template, or one catch-all.
 */
public final class MetricsUriLabel {

    /** The context-local key Quarkus' HTTP metrics read. */
    private static final String KEY = "UrlPathTemplate";
    public static final String UNROUTED = "/**";

    private MetricsUriLabel() {
    }

    public static void setIfAbsent(String template) {
        Context context = Vertx.currentContext();
        if (context != null && context.getLocal(KEY) == null) {
            context.putLocal(KEY, template);
        }
    }
}
