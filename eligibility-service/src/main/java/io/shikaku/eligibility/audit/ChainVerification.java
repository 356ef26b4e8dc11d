package io.shikaku.eligibility.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.shikaku.common.access.AccessBasis;
import io.shikaku.common.access.AccessKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Recomputes the access log's chain from entry 1 up to the last entry at the start of the request (entries appended
 * meanwhile are left for the next verification), reading it in keyset-paged chunks of
 * {@code shikaku.audit.verification.chunk-size} entries in sequence order, so a log of millions is never held in memory,
 * and stopping at the first break ({@link AccessChain.Check}).
 */
@ApplicationScoped
public class ChainVerification {

    private static final String HEAD = "SELECT coalesce(max(sequence), 0) FROM access_log";
    private static final String CHUNK = "SELECT sequence, event_id, accessed_at, recorded_at, person_id, facility_code,"
            + " viewer_subject, profession, kind, basis, previous_hash, hash FROM access_log"
            + " WHERE sequence > $1 AND sequence <= $2 ORDER BY sequence LIMIT $3";
    private static final String COUNT = "SELECT count(*) FROM access_log WHERE sequence <= $1";

    @Inject
    Pool pool;

    @Inject
    ChainKey key;

    @ConfigProperty(name = "shikaku.audit.verification.chunk-size", defaultValue = "2000")
    int chunkSize;

    public Uni<Verification> verify() {
        return pool.query(HEAD).execute().map(rows -> rows.iterator().next().getLong(0))
                .chain(head -> walk(key.chain().check(), Long.MIN_VALUE, head).chain(check -> check.valid()
                        ? Uni.createFrom().item(new Verification(check.checked(), true, null))
                        : pool.preparedQuery(COUNT).execute(Tuple.of(head)).map(rows -> new Verification(
                                rows.iterator().next().getLong(0), false, check.firstBroken()))));
    }

    private Uni<AccessChain.Check> walk(AccessChain.Check check, long after, long head) {
        return pool.preparedQuery(CHUNK).execute(Tuple.of(after, head, chunkSize)).chain(rows -> {
            long last = after;
            for (Row row : rows) {
                last = row.getLong("sequence");
                AccessEntry entry;
                try {
                    entry = entry(row);
                } catch (RuntimeException unreadable) {
                    // A value no entry can hold (a kind that does not exist, a missing hash): changed in the database.
                    check.unreadable(last);
                    return Uni.createFrom().item(check);
                }
                if (!check.next(entry)) {
                    return Uni.createFrom().item(check);
                }
            }
            return rows.size() < chunkSize ? Uni.createFrom().item(check) : walk(check, last, head);
        });
    }

    private static AccessEntry entry(Row row) {
        return new AccessEntry(row.getLong("sequence"), row.getUUID("event_id"),
                row.getOffsetDateTime("accessed_at").toInstant(), row.getOffsetDateTime("recorded_at").toInstant(),
                row.getUUID("person_id"), row.getString("facility_code"), row.getString("viewer_subject"),
                row.getString("profession"), AccessKind.valueOf(row.getString("kind")),
                AccessBasis.valueOf(row.getString("basis")), row.getBuffer("previous_hash").getBytes(),
                row.getBuffer("hash").getBytes());
    }
}
