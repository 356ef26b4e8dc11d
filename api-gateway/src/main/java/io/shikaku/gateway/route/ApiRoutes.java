package io.shikaku.gateway.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.shikaku.gateway.problem.ProblemResponses;
import io.vertx.ext.web.Router;

/** Mounts the gateway handler on {@code /api/v1/*} of Quarkus' main router. */
@ApplicationScoped
public class ApiRoutes {

    void register(@Observes Router router, DownstreamProxies proxies, ProblemResponses responses) {
        router.route(ShikakuRoutes.API_ROOT + "/*")
                .handler(new GatewayHandler(ShikakuRoutes.table(), proxies, responses));
    }
}
