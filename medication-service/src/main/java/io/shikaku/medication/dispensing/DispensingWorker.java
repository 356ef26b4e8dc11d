package io.shikaku.medication.dispensing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shikaku.common.person.PersonProjection;
import io.shikaku.common.work.BackgroundWorker;
import io.shikaku.medication.person.InsuredNumbers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Attaches accepted dispensing lines to persons in the background (DOMAIN.md §6): it claims the oldest open batch no
 * other worker holds ({@code FOR NO KEY UPDATE SKIP LOCKED}) and attaches its next chunk of lines to the person whose
 * qualification was in force on the dispensing date, with one statement, and advances the batch in the same
 * transaction, under {@link PersonProjection#ATTACHING} so that it never races a change of holders (or attaches a
 * line twice). A line whose insured number is not known yet stays unattached until the person's event arrives
 * ({@code PersonQualificationsHandler}). Woken when a batch is accepted, and by a timer in case a wake-up was lost
 * (settings {@code shikaku.dispensing.*}: common's {@link BackgroundWorker}).
 */
@ApplicationScoped
public class DispensingWorker extends BackgroundWorker {

    private static final String CLAIM = "SELECT id, attached_through, records FROM dispensing_batch"
            + " WHERE status <> 'COMPLETED' ORDER BY accepted_at, id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED";
    private static final String ATTACH = "UPDATE dispensing t SET person_id = cast(h.person_id as uuid) FROM "
            + InsuredNumbers.singleHolders("d.batch_id = $1 AND d.line > $2 AND d.line <= $3 AND d.person_id IS NULL")
            + " h WHERE t.id = h.id AND t.person_id IS NULL";
    private static final String ADVANCE = "UPDATE dispensing_batch SET attached_through = $2,"
            + " status = CASE WHEN $2 >= records THEN 'COMPLETED' ELSE 'PROCESSING' END,"
            + " completed_at = CASE WHEN $2 >= records THEN now() END WHERE id = $1";

    @Inject
    Pool db;

    DispensingWorker() {
        super("Dispensing batch worker", "shikaku.dispensing", 10_000);
    }

    /** One transaction: the next chunk of the oldest open batch; how many lines it covered (0: nothing open). */
    @Override
    protected Uni<Integer> chunk(int limit) {
        return db.withTransaction(tx -> tx.query(PersonProjection.ATTACHING).execute()
                .chain(() -> tx.query(CLAIM).execute()).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    Row batch = rows.iterator().next();
                    int from = batch.getInteger(1);
                    int to = Math.min(batch.getInteger(2), from + limit);
                    return tx.preparedQuery(ATTACH).execute(Tuple.of(batch.getUUID(0), from, to))
                            .chain(() -> tx.preparedQuery(ADVANCE).execute(Tuple.of(batch.getUUID(0), to)))
                            .replaceWith(Math.max(1, to - from));
                }));
    }
}
