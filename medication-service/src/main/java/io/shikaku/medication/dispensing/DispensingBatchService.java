package io.shikaku.medication.dispensing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shikaku.common.db.DetachedDatabaseWork;
import io.shikaku.common.idempotency.IdempotencyKeys;
import io.shikaku.common.identifier.CardNumbers;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.problem.BatchRecords;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.medication.dispensing.DispensingBatches.Accepted;
import io.shikaku.medication.dispensing.DispensingBatches.DispensingRecord;
import io.shikaku.medication.dispensing.DispensingBatches.Line;
import io.shikaku.medication.dispensing.DispensingBatches.Outcome;
import io.shikaku.medication.dispensing.DispensingBatches.Request;
import io.shikaku.medication.dispensing.DispensingBatches.Status;
import io.shikaku.medication.dispensing.DispensingBatches.View;
import io.shikaku.medication.dispensing.DispensingLineRules.Judgement;
import io.shikaku.medication.dispensing.DispensingLineRules.ValidLine;
import io.smallrye.mutiny.Uni;

/**
 * Accepts the claims feed's dispensing batches (DOMAIN.md §6) at once: each line judged on its own, the valid ones
 * written as dispensing rows (each record once: one received before is noted {@link #DUPLICATE_RECORD}, with or
 * without an {@code Idempotency-Key}) and the invalid ones as rejections, each with one set-based statement, in the
 * transaction that claims the {@code Idempotency-Key}; reads a batch's report. {@link DispensingWorker} attaches the rows to persons.
 */
@ApplicationScoped
public class DispensingBatchService {

    /** The code of an ACCEPTED line whose record was received before (in this batch or an earlier one). */
    public static final String DUPLICATE_RECORD = "DUPLICATE_RECORD";

    private static final String ROWS = "jsonb_to_recordset(cast(cast(?2 as text) as jsonb))";
    private static final String INSERT_BATCH = "INSERT INTO dispensing_batch (id, status, records, accepted_at)"
            + " VALUES (?1, 'ACCEPTED', ?2, now())";
    /**
     * The valid lines, each kept once (migration V10's natural key {@code record_key}): a line whose record was
     * received before is not stored again but noted ACCEPTED with {@link #DUPLICATE_RECORD}.
     */
    private static final String INSERT_DISPENSINGS = "WITH x AS MATERIALIZED (SELECT * FROM " + ROWS
            + " AS x(line int, insurer_number text, symbol text, number text, symbol_key text, number_key text,"
            + " branch text, dispensed_on date, prescribed_on date, drug_code text, drug_name text, ingredient text,"
            + " quantity numeric, unit text, usage text, days smallint, setting text, dispensing_facility_code text,"
            + " prescribing_facility_code text)),"
            + " kept AS (INSERT INTO dispensing (batch_id, line, insurer_number, symbol,"
            + " number, symbol_key, number_key, branch, dispensed_on, prescribed_on, drug_code, drug_name, ingredient,"
            + " quantity, unit, usage, days, setting, dispensing_facility_code, prescribing_facility_code)"
            + " SELECT ?1, x.line, x.insurer_number, x.symbol, x.number, x.symbol_key, x.number_key, x.branch,"
            + " x.dispensed_on, x.prescribed_on, x.drug_code, x.drug_name, x.ingredient, x.quantity, x.unit, x.usage,"
            + " x.days, x.setting, x.dispensing_facility_code, x.prescribing_facility_code FROM x"
            + " ON CONFLICT (record_key) DO NOTHING RETURNING line)"
            + " INSERT INTO dispensing_rejection (batch_id, line, outcome, code, message)"
            + " SELECT ?1, x.line, 'ACCEPTED', '" + DUPLICATE_RECORD + "', 'record: the same dispensing was received"
            + " before; it is kept once' FROM x WHERE NOT EXISTS (SELECT 1 FROM kept WHERE kept.line = x.line)";
    private static final String INSERT_REJECTIONS = "INSERT INTO dispensing_rejection (batch_id, line, code, message)"
            + " SELECT ?1, x.line, x.code, x.message FROM " + ROWS + " AS x(line int, code text, message text)";
    private static final String SUMMARY = "SELECT b.status, b.records,"
            + " (SELECT count(*) FROM dispensing_rejection r WHERE r.batch_id = b.id AND r.outcome = 'REJECTED'),"
            + " (SELECT count(*) FROM dispensing d WHERE d.batch_id = b.id AND d.person_id IS NOT NULL)"
            + " FROM dispensing_batch b WHERE b.id = ?1";
    private static final String LINES = "SELECT g, r.code, r.message, r.outcome FROM generate_series(cast(?2 as int),"
            + " cast(?3 as int)) g LEFT JOIN dispensing_rejection r ON r.batch_id = ?1 AND r.line = g ORDER BY g";

    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyKeys keys;

    @Inject
    Clock clock;

    /**
     * Stores the batch and returns its receipt once committed; with an {@code Idempotency-Key}, a repeat gets the first
     * batch's receipt, another body is {@code 409 CONFLICT}.
     */
    public Uni<Accepted> submit(Request request, String idempotencyKey) {
        IdempotencyKeys.requireValid(idempotencyKey);
        List<DispensingRecord> records = BatchRecords.require(request == null ? null : request.records(),
                DispensingBatches.MAX_RECORDS);
        LocalDate today = LocalDate.now(clock.withZone(CalendarDates.JAPAN));
        List<Map<String, Object>> valid = new ArrayList<>(records.size());
        List<Map<String, Object>> rejected = new ArrayList<>();
        int line = 1;
        for (DispensingRecord record : records) {
            Judgement judgement = DispensingLineRules.judge(record, today);
            if (judgement.valid()) {
                valid.add(row(line, judgement.line()));
            } else {
                rejected.add(Map.of("line", line, "code", judgement.code().name(), "message", judgement.message()));
            }
            line++;
        }
        String validRows = write(valid);
        String rejectedRows = write(rejected);
        Supplier<Uni<String>> store = () -> insert(records.size(), validRows, valid.size(), rejectedRows,
                rejected.size()).map(UUID::toString);
        Uni<String> batchId = idempotencyKey == null
                ? Panache.withTransaction(store)
                : keys.once("dispensing-batch", idempotencyKey, IdempotencyKeys.hash(write(request)), store);
        return DetachedDatabaseWork.detached(batchId)
                .map(id -> new Accepted(UUID.fromString(id), Status.ACCEPTED, records.size()));
    }

    private Uni<UUID> insert(int count, String validRows, int valid, String rejectedRows, int rejected) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_BATCH).setParameter(1, id)
                .setParameter(2, count).executeUpdate()
                .chain(() -> valid == 0
                        ? Uni.createFrom().item(0)
                        : session.createNativeQuery(INSERT_DISPENSINGS).setParameter(1, id)
                                .setParameter(2, validRows).executeUpdate())
                .chain(() -> rejected == 0
                        ? Uni.createFrom().item(0)
                        : session.createNativeQuery(INSERT_REJECTIONS).setParameter(1, id)
                                .setParameter(2, rejectedRows).executeUpdate()))
                .replaceWith(id);
    }

    private static Map<String, Object> row(int line, ValidLine v) {
        Map<String, Object> row = new HashMap<>();
        row.put("line", line);
        row.put("insurer_number", v.insurerNumber());
        row.put("symbol", v.symbol());
        row.put("number", v.number());
        row.put("symbol_key", CardNumbers.key(v.symbol()));
        row.put("number_key", CardNumbers.key(v.number()));
        row.put("branch", v.branch());
        row.put("dispensed_on", v.dispensedOn());
        row.put("prescribed_on", v.prescribedOn());
        row.put("drug_code", v.drugCode());
        row.put("drug_name", v.drugName());
        row.put("ingredient", v.ingredient());
        row.put("quantity", v.quantity());
        row.put("unit", v.unit());
        row.put("usage", v.usage());
        row.put("days", v.days());
        row.put("setting", v.setting());
        row.put("dispensing_facility_code", v.dispensingFacilityCode());
        row.put("prescribing_facility_code", v.prescribingFacilityCode());
        return row;
    }

    /** The batch's counts and a page of its lines; {@code 404} for an unknown batch. */
    public Uni<View> view(UUID batchId, int page, int size) {
        return DetachedDatabaseWork.detached(Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(SUMMARY, Object[].class).setParameter(1, batchId)
                        .getResultList()
                        .chain(summaries -> {
                            if (summaries.isEmpty()) {
                                throw ProblemException.notFound("No such dispensing batch");
                            }
                            Object[] s = summaries.get(0);
                            int records = ((Number) s[1]).intValue();
                            long rejected = ((Number) s[2]).longValue();
                            long first = (long) page * size + 1;
                            long last = Math.min(records, first + size - 1);
                            Uni<List<Line>> lines = first > records
                                    ? Uni.createFrom().item(List.of())
                                    : session.createNativeQuery(LINES, Object[].class).setParameter(1, batchId)
                                            .setParameter(2, (int) first).setParameter(3, (int) last)
                                            .getResultList().map(DispensingBatchService::lines);
                            return lines.map(l -> new View(batchId, Status.valueOf((String) s[0]), records,
                                    records - rejected, rejected, ((Number) s[3]).longValue(), page, size, l));
                        }))));
    }

    private static List<Line> lines(List<Object[]> rows) {
        List<Line> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            lines.add(row[1] == null
                    ? new Line(((Number) row[0]).intValue(), Outcome.ACCEPTED, null, null)
                    : new Line(((Number) row[0]).intValue(), Outcome.valueOf((String) row[3]), (String) row[1],
                            (String) row[2]));
        }
        return lines;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Dispensing rows could not be written as JSON", e);
        }
    }
}
