package io.shikaku.eligibility.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
 * in another, answered as single checks are. Woken when an inquiry is accepted, and by a timer in case a wake-up was
 * lost, e.g. a restart (settings {@code shikaku.bulk.*}: common's {@link BackgroundWorker}).
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
            + " check_id = x.check_id, qualification = x.qualification"
            + " FROM jsonb_to_recordset(cast(cast($1 AS text) AS jsonb)) AS"
            + " x(inquiry_id uuid, position int, validity text, check_id uuid, qualification text)"
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
            List<EligibilityCheck> recorded = new ArrayList<>(entries.size());
            List<Map<String, Object>> results = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                EligibilityCheckService.Decided decided = checks.decide(facilities.get(i), requests.get(i),
                        found.get(i));
                recorded.add(decided.check());
                results.add(result(entries.get(i), decided.answer()));
                String facilityType = found.get(i).facilityType();
                Validity validity = decided.answer().validity();
                afterCommit.add(() -> counter.recorded(CheckMethod.BULK, facilityType, validity));
            }
            String rows = toJson(results);
            return ledger.recordAll(db, recorded)
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
