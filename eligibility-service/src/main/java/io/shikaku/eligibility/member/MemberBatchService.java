package io.shikaku.eligibility.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shikaku.common.db.DetachedDatabaseWork;
import io.shikaku.common.idempotency.IdempotencyKeys;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.ErrorCode;
import io.shikaku.eligibility.member.MemberBatches.Accepted;
import io.shikaku.eligibility.member.MemberBatches.HeldRecord;
import io.shikaku.eligibility.member.MemberBatches.HeldRecords;
import io.shikaku.eligibility.member.MemberBatches.Line;
import io.shikaku.eligibility.member.MemberBatches.MemberRecord;
import io.shikaku.eligibility.member.MemberBatches.Outcome;
import io.shikaku.eligibility.member.MemberBatches.Request;
import io.shikaku.eligibility.member.MemberBatches.Status;
import io.shikaku.eligibility.member.MemberBatches.View;
import io.shikaku.eligibility.member.MemberLineRules.Judgement;
import io.shikaku.eligibility.member.MemberLineRules.ValidLine;
import io.shikaku.eligibility.mynumber.MyNumberHasher;
import io.smallrye.mutiny.Uni;

/**
 * Accepts insurers' member batches (DOMAIN.md §5) at once, each line judged on its own and all stored in one
 * statement with the My Number only as its keyed hash; reads batch reports and held records, and discards held
 * records. {@link MemberWorker} decides and applies the lines.
 */
@ApplicationScoped
public class MemberBatchService {

    private static final String INSURER_EXISTS = "SELECT count(*) FROM insurer WHERE insurer_number = ?1";
    private static final String INSERT_BATCH = "INSERT INTO member_batch (id, insurer_number, status, records,"
            + " accepted_at) VALUES (?1, ?2, 'ACCEPTED', ?3, now())";
    private static final String INSERT_LINES = "INSERT INTO member_line (batch_id, line, pending, op, "
            + MemberLine.COLUMNS + ", outcome, code, message) SELECT ?1, x.line, x.outcome IS NULL, x.op, "
            + MemberLine.columns("x") + ", x.outcome, x.code, x.message FROM " + MemberSql.rows(2)
            + " AS x(line int, op text, " + MemberLine.TYPED + ", outcome text, code text, message text)";
    private static final String SUMMARY = "SELECT b.status, b.records,"
            + " count(*) FILTER (WHERE l.outcome = 'ACCEPTED'), count(*) FILTER (WHERE l.outcome = 'HELD'),"
            + " count(*) FILTER (WHERE l.outcome = 'REJECTED')"
            + " FROM member_batch b LEFT JOIN member_line l ON l.batch_id = b.id"
            + " WHERE b.id = ?1 AND b.insurer_number = ?2 GROUP BY b.id";
    private static final String LINES = "SELECT line, outcome, code, message FROM member_line WHERE batch_id = ?1"
            + " ORDER BY line LIMIT ?2 OFFSET ?3";
    private static final String HELD = "SELECT id, batch_id, line, code, message, held_at, " + MemberLine.COLUMNS
            + " FROM held_record WHERE insurer_number = ?1 AND resolved_at IS NULL ORDER BY held_at, id"
            + " LIMIT ?2 OFFSET ?3";
    private static final String DISCARD = "UPDATE held_record SET resolved_at = now(), resolution = 'DISCARDED'"
            + " WHERE id = ?1 AND insurer_number = ?2 AND resolved_at IS NULL";
    private static final String SUSPENDED_BY = "SELECT suspended_person_id FROM held_record WHERE id = ?1"
            + " AND suspended_person_id IS NOT NULL";

    @Inject
    MemberJson json;

    @Inject
    IdempotencyKeys keys;

    @Inject
    MyNumberHasher hasher;

    @Inject
    PersonChanges personChanges;

    /**
     * Stores the batch of a known insurer ({@code 404} otherwise) and returns its receipt once committed; with an
     * {@code Idempotency-Key}, a repeat gets the first batch's receipt, another body is {@code 409 CONFLICT}.
     */
    public Uni<Accepted> submit(String insurerNumber, Request request, String idempotencyKey) {
        List<MemberRecord> records = request == null ? null : request.records();
        if (records == null || records.isEmpty()) {
            throw ProblemException.invalidField("records", "must hold at least one record");
        }
        if (records.size() > MemberBatches.MAX_RECORDS) {
            throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "A batch holds at most " + MemberBatches.MAX_RECORDS + " records; split it into several batches");
        }
        String rows = json.write(rows(records, LocalDate.now(CalendarDates.JAPAN)));
        Supplier<Uni<String>> store = () -> insert(insurerNumber, records.size(), rows).map(UUID::toString);
        Uni<String> batchId = idempotencyKey == null
                ? Panache.withTransaction(store)
                : keys.once("member-batch:" + insurerNumber, idempotencyKey, requestHash(records), store);
        return DetachedDatabaseWork.detached(batchId)
                .map(id -> new Accepted(UUID.fromString(id), Status.ACCEPTED, records.size()));
    }

    private Uni<UUID> insert(String insurerNumber, int count, String rows) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSURER_EXISTS, Long.class)
                .setParameter(1, insurerNumber).getSingleResult()
                .chain(found -> {
                    if (found == 0) {
                        throw ProblemException.notFound("No such insurer");
                    }
                    return session.createNativeQuery(INSERT_BATCH).setParameter(1, id).setParameter(2, insurerNumber)
                            .setParameter(3, count).executeUpdate();
                })
                .chain(() -> session.createNativeQuery(INSERT_LINES).setParameter(1, id).setParameter(2, rows)
                        .executeUpdate()))
                .replaceWith(id);
    }

    /**
     * The hash that tells a repeated body from another: of the records with every My Number (valid or not) replaced
     * by its keyed hash, so that the stored hash is no plain digest of a My Number, which a few 10^11 guesses would
     * reverse.
     */
    private String requestHash(List<MemberRecord> records) {
        List<MemberRecord> masked = new ArrayList<>(records.size());
        for (MemberRecord r : records) {
            masked.add(r == null || r.myNumber() == null ? r : r.withMyNumber(hasher.hash(r.myNumber())));
        }
        return IdempotencyKeys.hash(json.write(new Request(masked)));
    }

    /** The records as rows to store: a valid one with its values and My Number hash, a rejected one with its reason. */
    private List<Map<String, Object>> rows(List<MemberRecord> records, LocalDate submittedOn) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        int line = 1;
        for (MemberRecord record : records) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", line++);
            Judgement judgement = MemberLineRules.judge(record, submittedOn);
            if (!judgement.valid()) {
                row.put("outcome", Outcome.REJECTED.name());
                row.put("code", judgement.code().name());
                row.put("message", judgement.message());
                rows.add(row);
                continue;
            }
            ValidLine v = judgement.line();
            row.put("op", v.op().name());
            MemberLine.of(v, v.myNumber() == null ? null : hasher.hash(v.myNumber())).into(row);
            rows.add(row);
        }
        return rows;
    }

    /** The batch's counts and, once completed, a page of its lines; {@code 404} unless it is this insurer's. */
    public Uni<View> view(String insurerNumber, UUID batchId, int page, int size) {
        return DetachedDatabaseWork.detached(Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(SUMMARY, Object[].class).setParameter(1, batchId)
                        .setParameter(2, insurerNumber).getResultList()
                        .chain(summaries -> {
                            if (summaries.isEmpty()) {
                                throw ProblemException.notFound("No such member batch for this insurer");
                            }
                            Object[] s = summaries.get(0);
                            Status status = Status.valueOf((String) s[0]);
                            Uni<List<Line>> lines = status != Status.COMPLETED
                                    ? Uni.createFrom().item(List.of())
                                    : session.createNativeQuery(LINES, Object[].class).setParameter(1, batchId)
                                            .setParameter(2, size).setParameter(3, (long) page * size)
                                            .getResultList().map(MemberBatchService::lines);
                            return lines.map(l -> new View(batchId, status, ((Number) s[1]).intValue(),
                                    ((Number) s[2]).longValue(), ((Number) s[3]).longValue(),
                                    ((Number) s[4]).longValue(), page, size, l));
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

    /** A page of the insurer's open held records, oldest first; never their My Number. */
    public Uni<HeldRecords> held(String insurerNumber, int page, int size) {
        return DetachedDatabaseWork.detached(Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(HELD, Object[].class).setParameter(1, insurerNumber)
                        .setParameter(2, size).setParameter(3, (long) page * size).getResultList())
                .map(rows -> {
                    List<HeldRecord> held = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        held.add(HeldRecord.of((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), (String) r[3],
                                (String) r[4], MemberJson.instant(r[5]), MemberJson.line(r, 6)));
                    }
                    return new HeldRecords(page, size, held);
                })));
    }

    /**
     * Discards an open held record of this insurer ({@code 404} otherwise) and lifts the suspension it caused when no
     * other open record suspends the person; a lifted suspension is published.
     */
    public Uni<Void> discard(String insurerNumber, UUID heldRecordId) {
        return DetachedDatabaseWork.detached(Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(DISCARD).setParameter(1, heldRecordId)
                        .setParameter(2, insurerNumber).executeUpdate()
                        .chain(discarded -> {
                            if (discarded == 0) {
                                throw ProblemException.notFound("No open held record with this id for this insurer");
                            }
                            return session.createNativeQuery(SUSPENDED_BY, UUID.class)
                                    .setParameter(1, heldRecordId).getResultList();
                        })
                        .chain(persons -> personChanges.resuspend(session, persons))
                        .chain(changed -> {
                            Set<UUID> persons = new LinkedHashSet<>(changed);
                            return personChanges.publish(session, persons);
                        }))));
    }
}
