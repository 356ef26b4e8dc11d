package io.shikaku.gateway.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.shikaku.gateway.GatewayConfig;
import io.shikaku.gateway.requestid.RequestIdFilter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Makes every error the gateway itself answers a problem: failures raised by authentication and other handlers, and
 * the 404 of a path that no route (the API's, or Quarkus' own {@code /q/*}) takes.
 */
@ApplicationScoped
public class ProblemRoutes {

    private static final Logger LOG = Logger.getLogger(ProblemRoutes.class);

    private final int retryAfterSeconds;

    ProblemRoutes(GatewayConfig config) {
        this.retryAfterSeconds = config.retryAfterSeconds();
    }

    void register(@Observes Router router) {
        router.route().failureHandler(this::onFailure);
        router.route().last().handler(ctx -> ProblemResponses.send(ctx, Problem.notFound()));
    }

    void onFailure(RoutingContext ctx) {
        Problem problem = FailureClassifier.problemFor(ctx.failure(), ctx.statusCode());
        if (problem.status() >= 500) {
            LOG.errorf(ctx.failure(), "Request %s %s (id %s) failed with %d", ctx.request().method(),
                    ctx.request().path(), ctx.get(RequestIdFilter.CONTEXT_KEY), problem.status());
        } else if (ctx.failure() != null) {
            LOG.debugf("Request %s %s (id %s) refused with %d: %s", ctx.request().method(), ctx.request().path(),
                    ctx.get(RequestIdFilter.CONTEXT_KEY), problem.status(), ctx.failure());
        }
        boolean retryable = problem.status() == 503 || problem.status() == 504;
        ProblemResponses.send(ctx, problem, retryable ? retryAfterSeconds : ProblemResponses.NO_RETRY_AFTER);
    }
}
