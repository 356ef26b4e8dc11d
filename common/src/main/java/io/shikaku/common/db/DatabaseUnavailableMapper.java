package io.shikaku.common.db;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.shikaku.common.problem.ProblemMappers;
import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Headers;
import io.shikaku.contract.Problem;

/** Answers a request that found no database connection quickly with {@code 503 UNAVAILABLE}, never a hang. */
public class DatabaseUnavailableMapper {

    @ConfigProperty(name = "shikaku.db.retry-after", defaultValue = "2s")
    Duration retryAfter;

    @ServerExceptionMapper
    public Response unavailable(DatabaseUnavailableException e) {
        return Response.fromResponse(ProblemMappers.respond(Problem.of(ErrorCode.UNAVAILABLE,
                "The service cannot reach its database right now; retry later")))
                .header(Headers.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .build();
    }
}
