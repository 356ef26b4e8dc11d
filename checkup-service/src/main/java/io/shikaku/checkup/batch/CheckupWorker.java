package io.shikaku.checkup.batch;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.shikaku.common.person.PersonProjection;
import io.shikaku.common.work.BackgroundWorker;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Attaches accepted checkup lines to persons (DOMAIN.md §7) in the background, a chunk per transaction: it claims the
 * oldest batch with pending lines that no other worker holds ({@code FOR NO KEY UPDATE SKIP LOCKED}) and up to a chunk
 * of its lines in line order, and with one statement finds for each line the persons the batch's insurer covers under
 * its individual insured number on the examination date, stores every line's checkup under its number (attached to the
 * person when exactly one is found, else kept for nobody until the coverage projection finds one), and writes every
 * line's outcome; a crash mid-way neither loses nor repeats a line. It holds {@link PersonProjection#ATTACHING}, so that it
 * never races the projection's re-attachment. Woken when a batch is accepted, and
 * by a timer in case a wake-up was lost (settings {@code shikaku.checkups.*}: common's {@link BackgroundWorker}).
 */
@ApplicationScoped
public class CheckupWorker extends BackgroundWorker {

    private static final Logger LOG = Logger.getLogger(CheckupWorker.class);

    private static final String CLAIM_BATCH = "SELECT b.id FROM checkup_batch b WHERE b.status <> 'COMPLETED'"
            + " AND b.id <> ALL($1::uuid[]) AND EXISTS (SELECT 1 FROM checkup_line l WHERE l.batch_id = b.id AND l.pending)"
            + " ORDER BY b.accepted_at, b.id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED";
    private static final String DECIDE = "WITH claimed AS (SELECT l.batch_id, l.line, l.symbol_key, l.number_key,"
            + " l.branch, l.sex, l.examined_on, l.items, l.metabolic_syndrome, b.insurer_number"
            + " FROM checkup_line l JOIN checkup_batch b ON b.id = l.batch_id"
            + " WHERE l.batch_id = $1 AND l.pending ORDER BY l.line LIMIT $2 FOR UPDATE OF l),"
            + " matched AS (SELECT c.*, m.persons FROM claimed c CROSS JOIN LATERAL (SELECT array_agg(DISTINCT"
            + " n.person_id) AS persons FROM insured_number n WHERE n.insurer_number = c.insurer_number"
            + " AND n.number_key = c.number_key AND n.symbol_key = c.symbol_key AND n.branch = c.branch"
            + " AND n.valid_from <= c.examined_on AND (n.valid_until IS NULL OR n.valid_until >= c.examined_on)) m),"
            + " stored AS (INSERT INTO checkup AS k (person_id, examined_on, insurer_number, symbol_key, number_key,"
            + " branch, sex, items, metabolic_syndrome, batch_id, line) SELECT DISTINCT ON (m.number_key,"
            + " m.symbol_key, m.branch, m.examined_on) CASE WHEN cardinality(m.persons) = 1 THEN m.persons[1] END,"
            + " m.examined_on, m.insurer_number, m.symbol_key, m.number_key, m.branch, m.sex, m.items,"
            + " m.metabolic_syndrome, m.batch_id, m.line FROM matched m"
            + " ORDER BY m.number_key, m.symbol_key, m.branch, m.examined_on, m.line DESC"
            + " ON CONFLICT (insurer_number, number_key, symbol_key, branch, examined_on) DO UPDATE"
            + " SET person_id = EXCLUDED.person_id, sex = EXCLUDED.sex, items = EXCLUDED.items,"
            + " metabolic_syndrome = EXCLUDED.metabolic_syndrome, batch_id = EXCLUDED.batch_id, line = EXCLUDED.line,"
            + " received_at = now() RETURNING 1),"
            + " decided AS (UPDATE checkup_line l SET pending = false, items = NULL,"
            + " outcome = CASE WHEN cardinality(m.persons) = 1 THEN 'ACCEPTED' ELSE 'REJECTED' END,"
            + " code = CASE WHEN m.persons IS NULL THEN '" + LineCode.NOT_A_MEMBER.name() + "'"
            + " WHEN cardinality(m.persons) > 1 THEN '" + LineCode.MEMBER_AMBIGUOUS.name() + "' END,"
            + " message = CASE WHEN m.persons IS NULL THEN 'record: the insurer does not cover this individual"
            + " insured number on examinedOn (kept, shown to nobody, and attached if that coverage arrives)'"
            + " WHEN cardinality(m.persons) > 1 THEN 'record: this individual insured number names more than one"
            + " person on examinedOn (kept, shown to nobody, until one person holds it)' END"
            + " FROM matched m WHERE l.batch_id = m.batch_id AND l.line = m.line RETURNING l.outcome, l.code)"
            + " SELECT d.outcome, d.code, count(*), (SELECT count(*) FROM stored) FROM decided d GROUP BY 1, 2";
    private static final String STATUS = "UPDATE checkup_batch b SET"
            + " status = CASE WHEN EXISTS (SELECT 1 FROM checkup_line l WHERE l.batch_id = b.id AND l.pending)"
            + " THEN 'PROCESSING' ELSE 'COMPLETED' END,"
            + " completed_at = CASE WHEN EXISTS (SELECT 1 FROM checkup_line l WHERE l.batch_id = b.id AND l.pending)"
            + " THEN NULL ELSE now() END WHERE b.id = $1";

    @Inject
    Pool db;

    @Inject
    LineMetrics metrics;

    /** Batches whose chunk failed since the last timer tick: skipped until then, so that other batches go on. */
    private final Set<UUID> failed = ConcurrentHashMap.newKeySet();

    CheckupWorker() {
        super("Checkup batch worker", "shikaku.checkups", 5000);
    }

    @Override
    protected void onTick() {
        failed.clear();
    }

    /**
     * One transaction: the oldest batch with pending lines that no other worker holds and that has not failed since the
     * last timer tick, then up to {@code limit} of its pending lines. A failing chunk is logged by batch (never a
     * line's content) and its batch skipped until the next tick, so that other insurers' batches go on.
     */
    @Override
    protected Uni<Integer> chunk(int limit) {
        AtomicReference<UUID> claimed = new AtomicReference<>();
        return db.withTransaction(tx -> tx.query(PersonProjection.ATTACHING).execute()
                .chain(() -> tx.preparedQuery(CLAIM_BATCH).execute(Tuple.of((Object) failed.toArray(UUID[]::new))))
                .chain(batches -> {
                    if (batches.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    UUID batch = batches.iterator().next().getUUID(0);
                    claimed.set(batch);
                    return tx.preparedQuery(DECIDE).execute(Tuple.of(batch, limit))
                            .map(rows -> {
                                int decided = 0;
                                for (Row row : rows) {
                                    long lines = row.getLong(2);
                                    metrics.count(row.getString(0), row.getString(1), lines);
                                    decided += (int) lines;
                                }
                                return decided;
                            })
                            .call(() -> tx.preparedQuery(STATUS).execute(Tuple.of(batch)));
                }))
                .onFailure(failure -> claimed.get() != null).recoverWithItem(failure -> {
                    LOG.warnf("Checkup batch %s failed a chunk (%s); other batches go on, this one is retried on the"
                            + " timer", claimed.get(), failure.getClass().getName());
                    failed.add(claimed.get());
                    return 1;
                });
    }
}
