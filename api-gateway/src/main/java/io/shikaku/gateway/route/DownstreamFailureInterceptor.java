package io.shikaku.gateway.route;

import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.shikaku.gateway.problem.Problem;
import io.shikaku.gateway.problem.ProblemResponses;
import io.vertx.core.Future;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Turns a failed exchange with a service into a problem: 503 when no connection could be had (refused, unreachable,
 * connect timeout), 504 when the service accepted the request but did not answer in time.
 */
final class DownstreamFailureInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(DownstreamFailureInterceptor.class);

    private final Service service;
    private final int retryAfterSeconds;

    DownstreamFailureInterceptor(Service service, int retryAfterSeconds) {
        this.service = service;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> Future.succeededFuture(problemResponse(context, failure)));
    }

    private ProxyResponse problemResponse(ProxyContext context, Throwable failure) {
        boolean connected = Boolean.TRUE.equals(context.get(DownstreamOrigin.CONNECTED, Boolean.class));
        Problem problem = connected && failure instanceof TimeoutException
                ? Problem.downstreamTimeout()
                : Problem.unavailable();
        ProxyRequest request = context.request();
        LOG.warnf("%s %s -> %s failed (%s: %s), answering %d", request.getMethod(), request.proxiedRequest().path(),
                service, failure.getClass().getSimpleName(), failure.getMessage(), problem.status());
        ProxyResponse response = request.release().response()
                .setStatusCode(problem.status())
                .setBody(Body.body(problem.toBuffer()));
        ProblemResponses.applyHeaders(response.headers(), problem, retryAfterSeconds);
        return response;
    }
}
