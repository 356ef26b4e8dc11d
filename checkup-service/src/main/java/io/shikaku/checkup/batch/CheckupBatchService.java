package io.shikaku.checkup.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shikaku.checkup.batch.CheckupBatches.Accepted;
import io.shikaku.checkup.batch.CheckupBatches.CheckupRecord;
import io.shikaku.checkup.batch.CheckupBatches.Line;
import io.shikaku.checkup.batch.CheckupBatches.Outcome;
import io.shikaku.checkup.batch.CheckupBatches.Request;
import io.shikaku.checkup.batch.CheckupBatches.Status;
import io.shikaku.checkup.batch.CheckupBatches.View;
import io.shikaku.checkup.batch.CheckupLineRules.Judgement;
import io.shikaku.checkup.batch.CheckupLineRules.Measured;
import io.shikaku.checkup.batch.CheckupLineRules.ValidLine;
import io.shikaku.common.db.DetachedDatabaseWork;
import io.shikaku.common.idempotency.IdempotencyKeys;
import io.shikaku.common.identifier.InsurerNumber;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.problem.BatchRecords;
import io.shikaku.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Accepts insurers' checkup batches (DOMAIN.md §7) at once: each line judged on its own ({@link CheckupLineRules},
 * with its metabolic judgement), the batch and all its lines stored in two statements; reads batch reports.
 * {@link CheckupWorker} attaches the lines to persons.
 */
@ApplicationScoped
public class CheckupBatchService {

    private static final String INSERT_BATCH = "INSERT INTO checkup_batch (id, insurer_number, status, records,"
            + " accepted_at, completed_at) VALUES (?1, ?2, ?3, ?4, now(), CASE WHEN ?3 = 'COMPLETED' THEN now() END)";
    private static final String INSERT_LINES = "INSERT INTO checkup_line (batch_id, line, pending, symbol_key, number_key,"
            + " branch, sex, examined_on, items, metabolic_syndrome, outcome, code, message)"
            + " SELECT ?1, x.line, x.outcome IS NULL, x.symbol_key, x.number_key, x.branch, x.sex, x.examined_on,"
            + " x.items, x.metabolic_syndrome, x.outcome, x.code, x.message"
            + " FROM jsonb_to_recordset(cast(cast(?2 as text) as jsonb)) AS x(line int, symbol_key text,"
            + " number_key text, branch text, sex text, examined_on date, items jsonb, metabolic_syndrome text,"
            + " outcome text, code text, message text)";
    private static final String SUMMARY = "SELECT b.status, b.records,"
            + " count(*) FILTER (WHERE l.outcome = 'ACCEPTED'), count(*) FILTER (WHERE l.outcome = 'REJECTED')"
            + " FROM checkup_batch b LEFT JOIN checkup_line l ON l.batch_id = b.id"
            + " WHERE b.id = ?1 AND b.insurer_number = ?2 GROUP BY b.id";
    private static final String LINES = "SELECT line, outcome, code, message FROM checkup_line WHERE batch_id = ?1"
            + " ORDER BY line LIMIT ?2 OFFSET ?3";

    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyKeys keys;

    @Inject
    LineMetrics metrics;

    @Inject
    Clock clock;

    /**
     * Stores the batch and returns its receipt once committed; with an {@code Idempotency-Key}, a repeat gets the first
     * batch's receipt, another body is {@code 409 CONFLICT}.
     */
    public Uni<Accepted> submit(String insurerNumber, Request request, String idempotencyKey) {
        if (!InsurerNumber.isValid(insurerNumber)) {
            throw ProblemException.invalidField("insurerNumber", "must be 6 or 8 digits with a correct check digit");
        }
        IdempotencyKeys.requireValid(idempotencyKey);
        List<CheckupRecord> records = BatchRecords.require(request == null ? null : request.records(),
                CheckupBatches.MAX_RECORDS);
        LocalDate today = LocalDate.now(clock.withZone(CalendarDates.JAPAN));
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(() -> prepare(records, insurerNumber, today, idempotencyKey != null, request))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run()))
                .chain(prepared -> {
                    // Only a batch stored now counts its lines: a repeat under the same Idempotency-Key stores nothing.
                    AtomicBoolean stored = new AtomicBoolean();
                    Supplier<Uni<String>> store = () -> insert(insurerNumber, records.size(),
                            prepared.nothingPending(), prepared.rows()).invoke(() -> stored.set(true))
                            .map(UUID::toString);
                    Uni<String> batchId = idempotencyKey == null
                            ? Panache.withTransaction(store)
                            : keys.once("checkup-batch:" + insurerNumber, idempotencyKey, prepared.requestHash(),
                                    store);
                    return DetachedDatabaseWork.detached(batchId).invoke(() -> {
                        if (stored.get()) {
                            prepared.rejected()
                                    .forEach((code, lines) -> metrics.count(Outcome.REJECTED.name(), code, lines));
                        }
                    });
                })
                .map(id -> new Accepted(UUID.fromString(id), Status.ACCEPTED, records.size()));
    }

    /** A batch's lines judged and written as the JSON rows to store, and the hash of the request. */
    private record Prepared(String rows, boolean nothingPending, String requestHash, Map<String, Long> rejected) {
    }

    /**
     * Judges every line and writes the rows: CPU work of seconds for 50,000 lines, done on a worker thread so that the
     * event loop goes on serving other requests meanwhile.
     */
    private Prepared prepare(List<CheckupRecord> records, String insurerNumber, LocalDate today, boolean hashed,
            Request request) {
        List<Map<String, Object>> rows = rows(records, insurerNumber, today);
        boolean nothingPending = rows.stream().allMatch(row -> row.containsKey("outcome"));
        Map<String, Long> rejected = new LinkedHashMap<>();
        rows.stream().filter(row -> row.containsKey("code"))
                .forEach(row -> rejected.merge((String) row.get("code"), 1L, Long::sum));
        return new Prepared(write(rows), nothingPending, hashed ? IdempotencyKeys.hash(write(request)) : null,
                rejected);
    }

    private Uni<UUID> insert(String insurerNumber, int count, boolean nothingPending, String rows) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_BATCH).setParameter(1, id)
                .setParameter(2, insurerNumber)
                .setParameter(3, nothingPending ? Status.COMPLETED.name() : Status.ACCEPTED.name())
                .setParameter(4, count).executeUpdate()
                .chain(() -> session.createNativeQuery(INSERT_LINES).setParameter(1, id).setParameter(2, rows)
                        .executeUpdate()))
                .replaceWith(id);
    }

    /** The records as rows to store: a valid one with its values and judgement, a rejected one with its reason. */
    private static List<Map<String, Object>> rows(List<CheckupRecord> records, String insurerNumber, LocalDate today) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        Set<String> seen = new HashSet<>();
        int line = 1;
        for (CheckupRecord record : records) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", line++);
            rows.add(row);
            Judgement judgement = CheckupLineRules.judge(record, insurerNumber, today);
            if (!judgement.valid()) {
                reject(row, judgement.code(), judgement.message());
                continue;
            }
            ValidLine v = judgement.line();
            if (!seen.add(v.duplicateKey())) {
                reject(row, LineCode.DUPLICATE_LINE, "record: an earlier line has the same individual insured number"
                        + " and examination date");
                continue;
            }
            row.put("symbol_key", v.symbolKey());
            row.put("number_key", v.numberKey());
            row.put("branch", v.branch());
            row.put("sex", v.sex().name());
            row.put("examined_on", v.examinedOn().toString());
            row.put("items", items(v.items()));
            row.put("metabolic_syndrome", v.metabolicSyndrome().name());
        }
        return rows;
    }

    private static void reject(Map<String, Object> row, LineCode code, String message) {
        row.put("outcome", Outcome.REJECTED.name());
        row.put("code", code.name());
        row.put("message", message);
    }

    /** How an item is kept: its value (or grade), unit, JLAC10 code, and whether it was computed. */
    static Map<String, Map<String, Object>> items(Map<String, Measured> items) {
        Map<String, Map<String, Object>> kept = new LinkedHashMap<>();
        items.forEach((name, m) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("value", m.value() != null ? m.value() : m.grade());
            if (m.unit() != null) {
                item.put("unit", m.unit());
            }
            item.put("code", m.code());
            if (m.computed()) {
                item.put("computed", true);
            }
            kept.put(name, item);
        });
        return kept;
    }

    /** The batch's counts and, once completed, a page of its lines; {@code 404} unless it is this insurer's. */
    public Uni<View> view(String insurerNumber, UUID batchId, int page, int size) {
        return DetachedDatabaseWork.detached(Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(SUMMARY, Object[].class).setParameter(1, batchId)
                        .setParameter(2, insurerNumber).getResultList()
                        .chain(summaries -> {
                            if (summaries.isEmpty()) {
                                throw ProblemException.notFound("No such checkup batch for this insurer");
                            }
                            Object[] s = summaries.get(0);
                            Status status = Status.valueOf((String) s[0]);
                            Uni<List<Line>> lines = status != Status.COMPLETED
                                    ? Uni.createFrom().item(List.of())
                                    : session.createNativeQuery(LINES, Object[].class).setParameter(1, batchId)
                                            .setParameter(2, size).setParameter(3, (long) page * size)
                                            .getResultList().map(CheckupBatchService::lines);
                            return lines.map(l -> new View(batchId, status, ((Number) s[1]).intValue(),
                                    ((Number) s[2]).longValue(), ((Number) s[3]).longValue(), page, size, l));
                        }))));
    }

    private static List<Line> lines(List<Object[]> rows) {
        List<Line> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            lines.add(new Line(((Number) row[0]).intValue(), Outcome.valueOf((String) row[1]), (String) row[2],
                    (String) row[3]));
        }
        return lines;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Checkup batch rows could not be written as JSON", e);
        }
    }
}
