package io.shikaku.gateway.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.shikaku.gateway.problem.ProblemResponses;
import io.shikaku.gateway.ratelimit.RateLimits;
import io.vertx.ext.web.Router;

/** Mounts the gateway handler on {@code /api/v1/*} of Quarkus' main router; every route group must have a rate limit. */
@ApplicationScoped
public class ApiRoutes {

    void register(@Observes Router router, DownstreamProxies proxies, ProblemResponses responses,
            RateLimits limits) {
        RouteTable table = ShikakuRoutes.table();
        table.routes().forEach(route -> limits.requireBudget(route.group().configName()));
        router.route(ShikakuRoutes.API_ROOT + "/*")
                .handler(new GatewayHandler(table, proxies, responses, limits));
    }
}
