package io.shikaku.common.web;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shikaku.contract.Headers;
import io.shikaku.contract.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Answers with a problem document below JAX-RS, for the checks that run before a resource is even chosen. */
@ApplicationScoped
public class HttpProblems {

    private final ObjectMapper json;

    HttpProblems(ObjectMapper json) {
        this.json = json;
    }

    public void send(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        MetricsUriLabel.setIfAbsent(MetricsUriLabel.UNROUTED);
        response.setStatusCode(problem.status());
        response.headers().set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            response.headers().set("WWW-Authenticate", "Bearer");
        }
        if (problem.retryable()) {
            response.headers().set(Headers.RETRY_AFTER, "5");
        }
        if (!ctx.request().isEnded()) {
            // the body will not be read: answer, then close rather than drain it
            response.headers().set(HttpHeaders.CONNECTION, "close");
        }
        response.end(toJson(problem));
    }

    private String toJson(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
    }
}
