package io.shikaku.common.own;

import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shikaku.common.db.DetachedDatabaseWork;
import io.shikaku.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A patient reading their own medication or checkups (API.md "Patients"; DOMAIN.md §5–7), the person being the token's
 * {@code person_id}: no consent or grant is needed and no {@code record-views} event is written (it is no facility's
 * view), but while the person's My Number linkage is in doubt (viewing suspended, the service's {@code person}
 * projection) nothing is shown, since the records attached to them may be another person's: {@code 403 FORBIDDEN}
 * with {@link #SUSPENDED}, which tells the patient why without showing anything.
 */
@ApplicationScoped
public class OwnRecords {

    /** The detail of the refusal while the linkage is in doubt: about the caller only, no data. */
    public static final String SUSPENDED = "Your records cannot be shown while the linkage of your My Number is being"
            + " checked; your insurer can tell you more";

    private static final String VIEWING_SUSPENDED = "SELECT viewing_suspended FROM person WHERE id = $1";

    @Inject
    Pool db;

    /**
     * Runs {@code read} for the person unless their viewing is suspended (a person not projected yet is not), in one
     * transaction that runs to its end even when the client has gone.
     */
    public <T> Uni<T> read(UUID personId, Function<SqlConnection, Uni<T>> read) {
        return DetachedDatabaseWork.detached(db.withTransaction(tx -> tx.preparedQuery(VIEWING_SUSPENDED)
                .execute(Tuple.of(personId)).chain(rows -> {
                    for (Row row : rows) {
                        if (row.getBoolean(0)) {
                            return Uni.createFrom().<T>failure(ProblemException.forbidden(SUSPENDED));
                        }
                    }
                    return read.apply(tx);
                })));
    }
}
