package io.shikaku.gateway.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.shikaku.contract.Problem;
import io.shikaku.contract.RequestIds;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Makes every error the gateway itself answers a problem: failures raised by authentication and other handlers, and
 * the 404 of a path that no route (the API's, or Quarkus' own {@code /q/*}) takes.
 */
@ApplicationScoped
public class ProblemRoutes {

    private static final Logger LOG = Logger.getLogger(ProblemRoutes.class);

    private final ProblemResponses responses;

    ProblemRoutes(ProblemResponses responses) {
        this.responses = responses;
    }

    void register(@Observes Router router) {
        router.route().failureHandler(this::onFailure);
        router.route().last().handler(ctx -> responses.send(ctx, Problems.notFound()));
    }

    void onFailure(RoutingContext ctx) {
        boolean duringAuthentication = DefaultAuthFailureHandler.isOtherAuthenticationFailure(ctx);
        Problem problem = FailureClassifier.problemFor(ctx.failure(), ctx.statusCode(), duringAuthentication);
        String requestId = ctx.request().getHeader(RequestIds.HEADER);
        if (problem.status() >= 500 && problem.status() != 503) {
            LOG.errorf(ctx.failure(), "Request %s %s (id %s) failed with %d", ctx.request().method(),
                    ctx.request().path(), requestId, problem.status());
        } else if (ctx.failure() != null) {
            LOG.debugf("Request %s %s (id %s) refused with %d: %s", ctx.request().method(), ctx.request().path(),
                    requestId, problem.status(), ctx.failure());
        }
        responses.send(ctx, problem);
    }
}
