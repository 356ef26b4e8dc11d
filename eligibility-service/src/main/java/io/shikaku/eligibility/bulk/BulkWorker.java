package io.shikaku.eligibility.bulk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.shikaku.common.work.BackgroundWorker;
import io.shikaku.eligibility.check.CardNumberLookup;
import io.shikaku.eligibility.check.CheckAnswer;
import io.shikaku.eligibility.check.CheckCounter;
import io.shikaku.eligibility.check.CheckLedger;
import io.shikaku.eligibility.check.CheckMethod;
import io.shikaku.eligibility.check.CheckRequest;
import io.shikaku.eligibility.check.EligibilityCheck;
import io.shikaku.eligibility.check.EligibilityCheckService;
import io.shikaku.eligibility.check.Validity;
import io.shikaku.eligibility.sweep.StreakWalk;
import io.shikaku.eligibility.sweep.StreakWalks;
import io.shikaku.eligibility.sweep.SweepRefused;
import io.shikaku.eligibility.sweep.SweepRule;
import io.shikaku.eligibility.sweep.SweepSettings;
import io.shikaku.eligibility.sweep.Sweeps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Answers accepted bulk inquiries (DOMAIN.md §4) in the background: it claims pending entries in chunks with
 * {@code FOR UPDATE SKIP LOCKED}, and writes each entry's result, its recorded check and its {@code CheckRecorded}
 * event in the chunk's transaction, so a crash mid-way neither loses nor repeats an entry and replicas share the
 * work. A chunk is set-based on the reactive client: its entries are looked up in one batch and their checks recorded
 * in another, answered as single checks are. Entries count towards sweeps as single checks do (README "Sweeps"):
 * judged in entry order by {@link StreakWalks} from the windows the lookup read, an entry of numbers its facility is
 * sweeping is refused ({@code RATE_LIMITED}, no check recorded), and the chunk's NOT_FOUND answers and refusals are
 * added to the windows in one statement of the chunk's transaction. Woken when an inquiry is accepted, and by a timer
 * in case a wake-up was lost, e.g. a restart (settings {@code shikaku.bulk.*}: common's {@link BackgroundWorker}).
 */
@ApplicationScoped
public class BulkWorker extends BackgroundWorker {

    private static final String COMPLETE_FINISHED = "UPDATE bulk_inquiry i SET status = 'COMPLETED',"
            + " completed_at = now() WHERE i.status <> 'COMPLETED'"
            + " AND NOT EXISTS (SELECT 1 FROM bulk_entry e WHERE e.inquiry_id = i.id AND e.pending)";
    private static final String CLAIM = "SELECT e.inquiry_id, e.position, e.reference, e.insurer_number, e.symbol,"
            + " e.number, e.branch, e.birth_date, i.facility_code, i.visit_date"
            + " FROM bulk_entry e JOIN bulk_inquiry i ON i.id = e.inquiry_id WHERE e.pending"
            + " ORDER BY e.inquiry_id, e.position LIMIT $1 FOR UPDATE OF e SKIP LOCKED";
    private static final String ANSWER = "UPDATE bulk_entry e SET pending = false, validity = x.validity,"
            + " check_id = x.check_id, qualification = x.qualification, error_code = x.error_code,"
            + " error_message = x.error_message FROM jsonb_to_recordset(cast(cast($1 AS text) AS jsonb)) AS"
            + " x(inquiry_id uuid, position int, validity text, check_id uuid, qualification text, error_code text,"
            + " error_message text)"
            + " WHERE e.inquiry_id = x.inquiry_id AND e.position = x.position";
    private static final String START = "UPDATE bulk_inquiry i SET status = 'PROCESSING'"
            + " FROM (SELECT DISTINCT inquiry_id FROM jsonb_to_recordset(cast(cast($1 AS text) AS jsonb)) AS x(inquiry_id uuid)) d"
            + " WHERE i.id = d.inquiry_id AND i.status = 'ACCEPTED'";

    @Inject
    EligibilityCheckService checks;

    @Inject
    CardNumberLookup lookup;

    @Inject
    CheckLedger ledger;

    @Inject
    CheckCounter counter;

    @Inject
    Sweeps sweepRecords;

    @Inject
    SweepSettings sweeps;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    BulkWorker() {
        super("Bulk inquiry worker", "shikaku.bulk", 500);
    }

    /** Claims and answers at most {@code limit} pending entries in one transaction; how many it answered. */
    @Override
    protected Uni<Integer> chunk(int limit) {
        List<Runnable> afterCommit = new ArrayList<>();
        return pool.withTransaction(db -> db.query(COMPLETE_FINISHED).execute()
                .chain(() -> db.preparedQuery(CLAIM).execute(Tuple.of(limit)))
                .chain(claimed -> claimed.size() == 0 ? Uni.createFrom().item(0) : answer(db, claimed, afterCommit)))
                .invoke(() -> afterCommit.forEach(Runnable::run));
    }

    /** Answers the claimed entries in {@code db}'s transaction; what is to be counted once it commits goes to {@code afterCommit}. */
    private Uni<Integer> answer(SqlConnection db, RowSet<Row> claimed, List<Runnable> afterCommit) {
        List<Row> entries = new ArrayList<>(claimed.size());
        List<String> facilities = new ArrayList<>(claimed.size());
        List<CheckRequest> requests = new ArrayList<>(claimed.size());
        for (Row entry : claimed) {
            entries.add(entry);
            facilities.add(entry.getString("facility_code").trim());
            requests.add(CheckRequest.byCardNumbers(CheckMethod.BULK, entry.getLocalDate("visit_date"),
                    entry.getString("insurer_number"), entry.getString("symbol"), entry.getString("number"),
                    entry.getString("branch"), entry.getLocalDate("birth_date"), entry.getString("reference")));
        }
        return lookup.findAll(db, facilities, requests).chain(found -> {
            StreakWalks walks = new StreakWalks(sweeps.threshold(), sweeps.window(),
                    Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
            List<EligibilityCheck> recorded = new ArrayList<>(entries.size());
            List<Map<String, Object>> results = new ArrayList<>(entries.size());
            int refused = 0;
            for (int i = 0; i < entries.size(); i++) {
                CardNumberLookup.Found entryFound = found.get(i);
                StreakWalk walk = walks.of(facilities.get(i), entryFound.numbersHash(), entryFound.streak());
                SweepRule.Verdict verdict = walk.judge();
                if (verdict.refused()) {
                    results.add(refusal(entries.get(i), verdict));
                    refused++;
                    continue;
                }
                EligibilityCheckService.Decided decided = checks.decide(facilities.get(i), requests.get(i),
                        entryFound);
                Validity validity = decided.answer().validity();
                if (validity == Validity.NOT_FOUND) {
                    walk.notFound();
                }
                recorded.add(decided.check());
                results.add(result(entries.get(i), decided.answer()));
                String facilityType = entryFound.facilityType();
                afterCommit.add(() -> counter.recorded(CheckMethod.BULK, facilityType, validity));
            }
            if (refused > 0) {
                int refusals = refused;
                afterCommit.add(() -> metrics.counter(SweepRefused.COUNTER, "reason", "SWEEP").increment(refusals));
            }
            String rows = toJson(results);
            return ledger.recordAll(db, recorded)
                    .chain(() -> sweepRecords.countAll(db, walks.counts(), walks.now()))
                    .chain(() -> db.preparedQuery(ANSWER).execute(Tuple.of(rows)))
                    .chain(() -> db.preparedQuery(START).execute(Tuple.of(rows)))
                    .chain(() -> db.query(COMPLETE_FINISHED).execute())
                    .replaceWith(entries.size());
        });
    }

    /** One entry's result row. */
    private Map<String, Object> result(Row entry, CheckAnswer answer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("inquiry_id", entry.getUUID("inquiry_id"));
        row.put("position", entry.getInteger("position"));
        row.put("validity", answer.validity().name());
        row.put("check_id", answer.checkId());
        row.put("qualification", qualification(answer));
        return row;
    }

    /**
     * The result of an entry refused as part of a sweep: no validity, no check; the error says when to try again and
     * never quotes the numbers or the birth date.
     */
    private Map<String, Object> refusal(Row entry, SweepRule.Verdict verdict) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("inquiry_id", entry.getUUID("inquiry_id"));
        row.put("position", entry.getInteger("position"));
        row.put("error_code", BulkInquiryService.RATE_LIMITED);
        row.put("error_message", "These card numbers were checked with too many different birth dates from this"
                + " facility; try again after " + wholeSecondAfter(verdict.windowStart().plus(sweeps.window())));
        return row;
    }

    /** {@code instant}, rounded up to a whole second. */
    private static Instant wholeSecondAfter(Instant instant) {
        Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
        return second.isBefore(instant) ? second.plusSeconds(1) : second;
    }

    private String qualification(CheckAnswer answer) {
        return answer.qualification() == null ? null : toJson(answer.qualification());
    }

    static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bulk results could not be written as JSON", e);
        }
    }
}
