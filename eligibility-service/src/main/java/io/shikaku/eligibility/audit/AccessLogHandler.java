package io.shikaku.eligibility.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shikaku.common.access.RecordViewed;
import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.inbox.BatchEventHandler;
import io.shikaku.common.inbox.InboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends a batch of {@code record-views} events to the access log, in the inbox's transaction (so a redelivered event
 * has no second entry): a transaction-scoped advisory lock serialises every append of every replica, then the last
 * entry is read and the whole batch is chained to it ({@link AccessChain}) and inserted with one statement, so the
 * chain never forks and its numbers have no gaps. An event that is not a readable access (another type, no valid
 * facility code, no person, viewer, kind or basis) fails the batch; the transport then retries event by event and
 * parks that one, so it is kept for review instead of dropped.
 */
@ApplicationScoped
public class AccessLogHandler implements BatchEventHandler<RecordViewed> {

    static final String CONSUMER = "access-log";

    static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('access_log append'))";
    private static final String HEAD = "SELECT sequence, hash FROM access_log ORDER BY sequence DESC LIMIT 1";
    private static final String APPEND = "INSERT INTO access_log (sequence, event_id, accessed_at, recorded_at,"
            + " person_id, facility_code, viewer_subject, profession, kind, basis, previous_hash, hash)"
            + " SELECT e.sequence, e.event_id, e.accessed_at, e.recorded_at, e.person_id, e.facility_code,"
            + " e.viewer_subject, e.profession, e.kind, e.basis, decode(e.previous_hash, 'hex'), decode(e.hash, 'hex')"
            + " FROM unnest($1::bigint[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::uuid[], $6::text[],"
            + " $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])"
            + " AS e(sequence, event_id, accessed_at, recorded_at, person_id, facility_code, viewer_subject,"
            + " profession, kind, basis, previous_hash, hash)";

    @Inject
    ChainKey key;

    @Inject
    Clock clock;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Class<RecordViewed> dataType() {
        return RecordViewed.class;
    }

    @Override
    public Uni<Void> handle(SqlConnection tx, List<InboxEvent<RecordViewed>> events) {
        List<AccessEntry> accesses = new ArrayList<>(events.size());
        for (InboxEvent<RecordViewed> event : events) {
            RecordViewed view = event.data();
            if (!RecordViewed.TYPE.equals(event.envelope().type()) || view == null || view.personId() == null
                    || !FacilityCode.isValid(view.facilityCode()) || view.viewerSubject() == null
                    || view.viewerSubject().isBlank() || view.kind() == null || view.basis() == null) {
                return Uni.createFrom().failure(new IllegalArgumentException("not a recordable access"));
            }
            Instant accessedAt = view.viewedAt() != null ? view.viewedAt() : event.envelope().time();
            accesses.add(new AccessEntry(0, event.envelope().id(), accessedAt, accessedAt, view.personId(),
                    view.facilityCode(), view.viewerSubject(), view.profession(), view.kind(), view.basis(),
                    AccessChain.GENESIS, null));
        }
        Instant recordedAt = clock.instant();
        return tx.query(LOCK).execute()
                .chain(() -> tx.query(HEAD).execute())
                .chain(head -> tx.preparedQuery(APPEND)
                        .execute(rows(key.chain().append(head(head), accesses, recordedAt))))
                .replaceWithVoid();
    }

    private static AccessChain.Head head(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return AccessChain.Head.EMPTY;
        }
        Row last = rows.iterator().next();
        return new AccessChain.Head(last.getLong("sequence"), last.getBuffer("hash").getBytes());
    }

    private static Tuple rows(List<AccessEntry> entries) {
        int n = entries.size();
        Long[] sequences = new Long[n];
        UUID[] eventIds = new UUID[n];
        OffsetDateTime[] accessedAt = new OffsetDateTime[n];
        OffsetDateTime[] recordedAt = new OffsetDateTime[n];
        UUID[] persons = new UUID[n];
        String[] facilities = new String[n];
        String[] viewers = new String[n];
        String[] professions = new String[n];
        String[] kinds = new String[n];
        String[] bases = new String[n];
        String[] previous = new String[n];
        String[] hashes = new String[n];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            AccessEntry e = entries.get(i);
            sequences[i] = e.sequence();
            eventIds[i] = e.eventId();
            accessedAt[i] = e.accessedAt().atOffset(ZoneOffset.UTC);
            recordedAt[i] = e.recordedAt().atOffset(ZoneOffset.UTC);
            persons[i] = e.personId();
            facilities[i] = e.facilityCode();
            viewers[i] = e.viewerSubject();
            professions[i] = e.profession();
            kinds[i] = e.kind().name();
            bases[i] = e.basis().name();
            previous[i] = hex.formatHex(e.previousHash());
            hashes[i] = hex.formatHex(e.hash());
        }
        return Tuple.from(new Object[] {sequences, eventIds, accessedAt, recordedAt, persons, facilities, viewers,
                professions, kinds, bases, previous, hashes});
    }
}
