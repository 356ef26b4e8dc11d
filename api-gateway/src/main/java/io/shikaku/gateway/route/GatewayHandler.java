package io.shikaku.gateway.route;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.shikaku.gateway.metrics.UriTemplates;
import io.shikaku.gateway.problem.ProblemResponses;
import io.shikaku.gateway.problem.Problems;
import io.shikaku.gateway.ratelimit.Admission;
import io.shikaku.gateway.ratelimit.Callers;
import io.shikaku.gateway.ratelimit.RateLimits;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Handles every {@code /api/v1/**} request: the caller must be authenticated (401), the path must have a route (404),
 * the caller must hold one of the route's roles (403) and be within its budget for the route's group (429); then the
 * request streams to the owning service unchanged, Authorization header included.
 */
final class GatewayHandler implements Handler<RoutingContext> {

    private final RouteTable table;
    private final DownstreamProxies proxies;
    private final ProblemResponses responses;
    private final RateLimits limits;

    GatewayHandler(RouteTable table, DownstreamProxies proxies, ProblemResponses responses, RateLimits limits) {
        this.table = table;
        this.proxies = proxies;
        this.responses = responses;
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        // route on the path as sent; one with dot segments or other non-canonical forms has no route
        String path = ctx.request().path();
        Optional<Route> route = path.equals(ctx.normalizedPath()) ? table.match(path) : Optional.empty();
        UriTemplates.set(route.map(r -> r.pattern().toString()).orElse(ShikakuRoutes.UNROUTED));

        SecurityIdentity identity = identity(ctx);
        if (identity == null || identity.isAnonymous()) {
            responses.send(ctx, Problems.unauthenticated());
            return;
        }
        if (route.isEmpty()) {
            responses.send(ctx, Problems.notFound());
            return;
        }
        if (!route.get().allows(identity.getRoles())) {
            responses.send(ctx, Problems.forbidden());
            return;
        }
        Admission admission = limits.admit(route.get().group().configName(), Callers.of(identity));
        if (!admission.admitted()) {
            responses.send(ctx, Problems.rateLimited(), admission.retryAfterSeconds());
            return;
        }
        // an HTTP/2 body needs no length: it goes chunked to the service once it has a byte (ForwardedBody)
        proxies.forService(route.get().service()).handle(ctx.request());
    }

    private static SecurityIdentity identity(RoutingContext ctx) {
        // proactive authentication (the default) has resolved the identity before this handler runs
        return ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }
}
