package io.shikaku.gateway.problem;

import io.shikaku.gateway.metrics.UriTemplates;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/** Writes problems as {@code application/problem+json} responses, with the headers each status calls for. */
public final class ProblemResponses {

    /** Marks "no Retry-After header". */
    public static final int NO_RETRY_AFTER = -1;

    private ProblemResponses() {
    }

    public static void send(RoutingContext ctx, Problem problem) {
        send(ctx, problem, NO_RETRY_AFTER);
    }

    public static void send(RoutingContext ctx, Problem problem, int retryAfterSeconds) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // too late for a problem: the status line is already out, so cut the exchange short
            response.reset();
            return;
        }
        UriTemplates.setIfAbsent(UriTemplates.UNROUTED);
        response.setStatusCode(problem.status());
        applyHeaders(response.headers(), problem, retryAfterSeconds);
        if (bodyStillComing(ctx)) {
            // the body will not be read: rather than draining what may be megabytes, close after answering
            response.headers().set(HttpHeaders.CONNECTION, "close");
            response.endHandler(ignored -> ctx.request().connection().close());
        }
        response.end(problem.toBuffer());
    }

    private static boolean bodyStillComing(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded() || request.version() == HttpVersion.HTTP_2) {
            return false; // (an HTTP/2 stream ends on its own; closing would end the caller's other streams)
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.trim().equals("0"))
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** Sets the content type and the status-specific headers ({@code WWW-Authenticate}, {@code Retry-After}). */
    public static void applyHeaders(MultiMap headers, Problem problem, int retryAfterSeconds) {
        headers.set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        if (problem.status() == 401) {
            headers.set("WWW-Authenticate", "Bearer");
        }
        if (retryAfterSeconds >= 0) {
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        }
    }
}
