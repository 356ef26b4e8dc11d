package io.shikaku.eligibility.sweep;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import io.shikaku.eligibility.audit.AccessLogQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The sweeps' records (table {@code check_sweep}, V80): a refused check counted, a bulk chunk's counts written, the
 * auditor's list, and windows that never became sweeps deleted once over. A single check's NOT_FOUND is counted with
 * the check itself ({@code CheckLedger}).
 */
@ApplicationScoped
public class Sweeps {

    private static final Logger LOG = Logger.getLogger(Sweeps.class);

    static final String REFUSED = "UPDATE check_sweep SET refused = refused + 1, last_at = greatest(last_at, $4)"
            + " WHERE facility_code = $1 AND numbers_hash = $2 AND first_at = $3";

    /**
     * A bulk chunk's counts, one row per window: added to what the window holds (other chunks and single checks may
     * count in it at the same time), a sweep from when the sum reaches the threshold ($3).
     */
    static final String COUNT_ALL = "INSERT INTO check_sweep (facility_code, numbers_hash, first_at, last_at, attempts,"
            + " refused, swept_at) SELECT x.facility_code, decode(x.numbers_hash, 'hex'), x.first_at, $2::timestamptz,"
            + " x.attempts, x.refused, CASE WHEN x.attempts >= $3::integer THEN $2::timestamptz END"
            + " FROM jsonb_to_recordset(cast(cast($1 AS text) AS jsonb)) AS"
            + " x(facility_code text, numbers_hash text, first_at timestamptz, attempts int, refused int)"
            + " ORDER BY x.facility_code, x.numbers_hash, x.first_at"
            + " ON CONFLICT (facility_code, numbers_hash, first_at) DO UPDATE SET"
            + " attempts = check_sweep.attempts + excluded.attempts, refused = check_sweep.refused + excluded.refused,"
            + " last_at = greatest(check_sweep.last_at, excluded.last_at), swept_at = coalesce(check_sweep.swept_at,"
            + " CASE WHEN check_sweep.attempts + excluded.attempts >= $3::integer THEN excluded.last_at END)";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    SweepSettings settings;

    /** Counts a refused check in the sweep whose window started at {@code windowStart}, on {@code db}. */
    public Uni<Void> refused(SqlConnection db, String facilityCode, byte[] numbersHash, Instant windowStart,
            Instant now) {
        LOG.warnf("Check refused: facility %s is sweeping birth dates for one card's numbers (window from %s)",
                facilityCode, windowStart);
        return db.preparedQuery(REFUSED).execute(Tuple.of(facilityCode).addBuffer(Buffer.buffer(numbersHash))
                .addValue(windowStart.atOffset(ZoneOffset.UTC)).addValue(now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /**
     * Writes what a bulk chunk's entries, judged at {@code now}, add to the windows ({@link StreakWalks#counts()}) in
     * one statement on {@code db}, in the chunk's transaction: the counts commit with the entries' answers or not at
     * all.
     */
    public Uni<Void> countAll(SqlConnection db, List<StreakWalks.WindowCount> counts, Instant now) {
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, Object>> rows = new ArrayList<>(counts.size());
        for (StreakWalks.WindowCount count : counts) {
            if (count.refused() > 0) {
                LOG.warnf("%d bulk entries refused: facility %s is sweeping birth dates for one card's numbers"
                        + " (window from %s)", count.refused(), count.facilityCode(), count.windowStart());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("facility_code", count.facilityCode());
            row.put("numbers_hash", count.numbersHash());
            row.put("first_at", count.windowStart().toString());
            row.put("attempts", count.attempts());
            row.put("refused", count.refused());
            rows.add(row);
        }
        return db.preparedQuery(COUNT_ALL)
                .execute(Tuple.of(toJson(rows), now.atOffset(ZoneOffset.UTC), settings.threshold()))
                .replaceWithVoid();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sweep counts could not be written as JSON", e);
        }
    }

    /** The sweeps matching {@code filter} (facility, period of their first NOT_FOUND), newest first. */
    public Uni<SweepPage> page(AccessLogQuery.Filter filter) {
        List<Object> values = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE swept_at IS NOT NULL");
        condition(where, values, " AND facility_code = $", filter.facility());
        condition(where, values, " AND first_at >= $",
                filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC));
        condition(where, values, " AND first_at < $",
                filter.until() == null ? null : filter.until().atOffset(ZoneOffset.UTC));
        Tuple counted = Tuple.from(values);
        values.add(filter.size());
        values.add(filter.offset());
        String order = " ORDER BY first_at DESC, facility_code, numbers_hash LIMIT $" + (values.size() - 1)
                + " OFFSET $" + values.size();
        return pool.preparedQuery("SELECT count(*) FROM check_sweep" + where).execute(counted)
                .chain(count -> pool.preparedQuery("SELECT " + Sweep.COLUMNS + " FROM check_sweep" + where + order)
                        .execute(Tuple.from(values)).map(rows -> {
                            List<Sweep> items = new ArrayList<>(rows.size());
                            rows.forEach(row -> items.add(Sweep.of(row, settings.window())));
                            return new SweepPage(filter.page(), filter.size(), count.iterator().next().getLong(0),
                                    items);
                        }));
    }

    /** Deletes the windows that ended without becoming a sweep (a mistyped birth date or two). */
    @Scheduled(every = "${shikaku.sweep.cleanup-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetEndedWindows() {
        Instant ended = Instant.now().minus(settings.window());
        return pool.preparedQuery("DELETE FROM check_sweep WHERE swept_at IS NULL AND first_at < $1")
                .execute(Tuple.of(ended.atOffset(ZoneOffset.UTC)))
                .invoke(rows -> LOG.debugf("Forgot %d ended windows without a sweep", rows.rowCount()))
                .replaceWithVoid();
    }

    private static void condition(StringBuilder where, List<Object> values, String sql, Object value) {
        if (value != null) {
            values.add(value);
            where.append(sql).append(values.size());
        }
    }
}
