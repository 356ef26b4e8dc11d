package io.shikaku.common.access;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.shikaku.common.problem.ProblemMappers;
import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Headers;
import io.shikaku.contract.Problem;

/**
 * Eligibility could not be asked for a consent (down, slow, or answering an error): the view is answered {@code 503
 * UNAVAILABLE} with {@code Retry-After} (API.md), never a {@code 404} that would tell the caller there is no consent.
 */
public class EligibilityUnavailable {

    @ConfigProperty(name = "shikaku.eligibility.retry-after", defaultValue = "2s")
    Duration retryAfter;

    /** Thrown when eligibility gave no usable answer. */
    public static class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Failure(String reason) {
            super(reason, null, false, false);
        }
    }

    @ServerExceptionMapper
    public Response unavailable(Failure e) {
        return Response.fromResponse(ProblemMappers.respond(Problem.of(ErrorCode.UNAVAILABLE,
                "Consents cannot be confirmed right now; retry later")))
                .header(Headers.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .build();
    }
}
