package io.shikaku.common.db;

import java.net.SocketException;
import java.time.Duration;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.shikaku.common.problem.ProblemMappers;
import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Headers;
import io.shikaku.contract.Problem;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/** Answers a request that found no database connection quickly with {@code 503 UNAVAILABLE}, never a hang. */
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    @ConfigProperty(name = "shikaku.db.retry-after", defaultValue = "2s")
    Duration retryAfter;

    /**
     * The database went away under a request that does not run through {@link DetachedDatabaseWork} (a refused or
     * lost connection, the server shutting down or recovering): unavailable too, not an internal error. Any other
     * database failure is one.
     */
    @ServerExceptionMapper({SocketException.class, ClosedConnectionException.class, DatabaseException.class})
    public Response lost(Exception e) {
        if (ConnectionFailures.noConnection(e)) {
            return unavailable(DatabaseUnavailableException.of(e));
        }
        // the SQLSTATE says what failed; the message may quote the row's values, so it stays out of the log
        LOG.errorf("Unexpected database failure: %s (SQLSTATE %s)", e.getClass().getName(),
                e instanceof DatabaseException database ? database.getSqlState() : "none");
        return ProblemMappers.respond(Problem.of(ErrorCode.INTERNAL_ERROR, "The request could not be completed"));
    }

    @ServerExceptionMapper
    public Response unavailable(DatabaseUnavailableException e) {
        return Response.fromResponse(ProblemMappers.respond(Problem.of(ErrorCode.UNAVAILABLE,
                "The service cannot reach its database right now; retry later")))
                .header(Headers.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .build();
    }
}
