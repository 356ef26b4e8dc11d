package io.shikaku.gateway.problem;

import jakarta.inject.Singleton;

import io.shikaku.contract.Headers;
import io.shikaku.contract.Problem;
import io.shikaku.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The Vert.x side of the contract's {@link Problem}: writes it as an {@code application/problem+json} response. */
@Singleton
public class ProblemResponses {

    private final String retryAfterSeconds;

    ProblemResponses(GatewayConfig config) {
        this.retryAfterSeconds = Integer.toString(config.retryAfterSeconds());
    }

    public void send(RoutingContext ctx, Problem problem) {
        send(ctx.request(), problem);
    }

    /** Answers a retryable {@code problem} with its own {@code Retry-After} in seconds. */
    public void send(RoutingContext ctx, Problem problem, long retryAfterSeconds) {
        send(ctx.request(), problem, Long.toString(retryAfterSeconds));
    }

    /** Answers {@code problem} unless an answer has begun; a begun answer is cut short instead. */
    public void send(HttpServerRequest request, Problem problem) {
        send(request, problem, retryAfterSeconds);
    }

    private void send(HttpServerRequest request, Problem problem, String retryAfter) {
        HttpServerResponse response = request.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(problem.status());
        applyHeaders(response.headers(), problem, retryAfter);
        if (bodyStillComing(request)) {
            // the body will not be read: rather than draining what may be megabytes, close after answering
            response.headers().set(HttpHeaders.CONNECTION, "close");
            response.endHandler(ignored -> request.connection().close());
        }
        response.end(body(problem));
    }

    /** Sets the content type and the headers the status calls for ({@code WWW-Authenticate}, {@code Retry-After}). */
    public void applyHeaders(MultiMap headers, Problem problem) {
        applyHeaders(headers, problem, retryAfterSeconds);
    }

    private static void applyHeaders(MultiMap headers, Problem problem, String retryAfter) {
        headers.set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        if (problem.status() == 401) {
            headers.set("WWW-Authenticate", "Bearer");
        }
        if (problem.retryable()) {
            headers.set(Headers.RETRY_AFTER, retryAfter);
        }
    }

    public static Buffer body(Problem problem) {
        JsonObject json = new JsonObject()
                .put("type", problem.type())
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail())
                .put("code", problem.code());
        if (!problem.errors().isEmpty()) {
            JsonArray errors = new JsonArray();
            problem.errors().forEach(error -> errors.add(
                    new JsonObject().put("field", error.field()).put("message", error.message())));
            json.put("errors", errors);
        }
        return json.toBuffer();
    }

    private static boolean bodyStillComing(HttpServerRequest request) {
        if (request.isEnded() || request.version() == HttpVersion.HTTP_2) {
            return false; // (an HTTP/2 stream ends on its own; closing would end the caller's other streams)
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.trim().equals("0"))
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
