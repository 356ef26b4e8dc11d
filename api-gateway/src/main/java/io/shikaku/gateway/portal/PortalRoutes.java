package io.shikaku.gateway.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The portal UI at {@code /portal/}: static files from the {@code shikaku-portal} jar (Quarkus serves its
 * {@code META-INF/resources}), no token needed. This adds its settings ({@code config.json}), the redirect from
 * {@code /portal}, and the headers a page that handles tokens should carry: a content security policy that lets
 * scripts come from here only and connections go here and to Keycloak only, no framing, no referrer, and caching
 * only of the fingerprinted assets.
 */
@ApplicationScoped
public class PortalRoutes {

    static final String ROOT = "/portal";

    private final PortalSettings settings;
    private final String configJson;
    private final String contentSecurityPolicy;

    PortalRoutes(PortalConfig config) {
        this.settings = PortalSettings.of(config.authServerUrl(), config.clientId());
        this.configJson = Json.encode(settings);
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + settings.authOrigin() + "; frame-src " + settings.authOrigin()
                + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self' " + settings.authOrigin()
                + "; object-src 'none'";
    }

    void register(@Observes Router router) {
        // Vert.x lets a route's path match with or without a trailing slash: only the bare one is redirected.
        router.route(ROOT).order(-100).handler(ctx -> {
            if (ROOT.equals(ctx.request().path())) {
                ctx.redirect(ROOT + "/");
            } else {
                ctx.next();
            }
        });
        router.route(ROOT + "/*").order(-100).handler(this::secureHeaders);
        router.get(ROOT + "/config.json").order(-99).handler(this::config);
    }

    private void secureHeaders(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("Content-Security-Policy", contentSecurityPolicy);
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            // Vite fingerprints every asset's name: keep those for good; everything else is asked for afresh.
            headers.set(HttpHeaders.CACHE_CONTROL,
                    path.startsWith(ROOT + "/assets/") && ctx.response().getStatusCode() == 200
                            ? "public, max-age=31536000, immutable"
                            : "no-cache");
        });
        ctx.next();
    }

    private void config(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(configJson);
    }
}
