package io.shikaku.gateway.route;

import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.shikaku.contract.Problem;
import io.shikaku.gateway.metrics.UriTemplates;
import io.shikaku.gateway.problem.ProblemResponses;
import io.shikaku.gateway.problem.Problems;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Turns a failed exchange with a service into a problem: 503 when no connection could be had (refused, unreachable,
 * connect timeout), 504 when the service accepted the request but did not take its body or answer in time, 408 when
 * the caller stopped sending its body (body idle timeout). An exchange the gateway has already answered itself (e.g. a
 * body over the limit) is left alone.
 */
final class DownstreamFailureInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(DownstreamFailureInterceptor.class);

    private final Service service;
    private final ProblemResponses responses;

    DownstreamFailureInterceptor(Service service, ProblemResponses responses) {
        this.service = service;
        this.responses = responses;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> Future.succeededFuture(problemResponse(context, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        return answered(context) ? Future.succeededFuture() : context.sendResponse();
    }

    private ProxyResponse problemResponse(ProxyContext context, Throwable failure) {
        ProxyRequest request = context.request();
        if (answered(context)) {
            return released(request).response();
        }
        Problem problem = problemFor(context, failure);
        // a caller that has gone or stopped sending is no trouble with the service: logged only when debugging
        Logger.Level level = problem.status() == 408 || request.proxiedRequest().response().closed()
                ? Logger.Level.DEBUG
                : Logger.Level.WARN;
        // the route's pattern, not the path: a path may carry a person's id
        LOG.logf(level, "%s %s -> %s failed (%s: %s), answering %d", request.getMethod(), UriTemplates.current(),
                service, failure.getClass().getSimpleName(), failure.getMessage(), problem.status());
        ProxyResponse response = released(request).response()
                .setStatusCode(problem.status())
                .setBody(Body.body(ProblemResponses.body(problem)));
        responses.applyHeaders(response.headers(), problem);
        return response;
    }

    /**
     * The caller's request with its body released. A body the service had already read in full cannot be resumed over
     * HTTP/2 (Vert.x throws "Request has already been read"), as when a service dies after reading the request (fault
     * suite, issue 13): without this the problem was never sent and the caller waited for an answer until it gave up.
     */
    private static ProxyRequest released(ProxyRequest request) {
        try {
            return request.release();
        } catch (IllegalStateException alreadyRead) {
            return request;
        }
    }

    private static Problem problemFor(ProxyContext context, Throwable failure) {
        boolean connected = Boolean.TRUE.equals(context.get(DownstreamOrigin.CONNECTED, Boolean.class));
        if (!connected || !(failure instanceof TimeoutException)) {
            return Problems.serviceUnavailable();
        }
        ForwardedBody body = context.get(DownstreamOrigin.BODY, ForwardedBody.class);
        return body != null && body.stalledByCaller() ? Problems.bodyStalled() : Problems.serviceTimeout();
    }

    private static boolean answered(ProxyContext context) {
        HttpServerResponse response = context.request().proxiedRequest().response();
        return response.ended() || response.headWritten();
    }
}
