package io.shikaku.eligibility.member;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shikaku.common.work.BackgroundWorker;
import io.shikaku.eligibility.member.LineDecisions.Decisions;
import io.shikaku.eligibility.member.LineDecisions.Held;
import io.shikaku.eligibility.member.LineDecisions.Holder;
import io.shikaku.eligibility.member.LineDecisions.Known;
import io.shikaku.eligibility.member.LineDecisions.NumberKey;
import io.shikaku.eligibility.member.LineDecisions.Pending;
import io.shikaku.eligibility.member.LineDecisions.PersonWrite;
import io.shikaku.eligibility.member.LineDecisions.QualificationWrite;
import io.shikaku.eligibility.member.LineDecisions.Snapshot;
import io.shikaku.eligibility.member.MemberLineRules.Op;
import io.shikaku.eligibility.resident.FourAttributes;
import io.smallrye.mutiny.Uni;

/**
 * Applies accepted member lines (DOMAIN.md §5) in the background: it claims the oldest batch no other worker holds
 * ({@code FOR NO KEY UPDATE SKIP LOCKED}) and a chunk of its pending lines in line order, reads what it needs in a few
 * set-based queries, lets {@link LineDecisions} decide, and writes persons, qualifications, held records, suspensions,
 * outcomes and {@code PersonQualificationsChanged} events in the chunk's transaction, so a crash mid-way neither loses
 * nor repeats a line. Woken when a batch is accepted, and by a timer in case a wake-up was lost (settings
 * {@code shikaku.members.*}: common's {@link BackgroundWorker}).
 */
@ApplicationScoped
public class MemberWorker extends BackgroundWorker {

    private static final Logger LOG = Logger.getLogger(MemberWorker.class);

    private static final String ROWS = MemberSql.rows(1);
    private static final String HASHES = MemberSql.hashes(1);
    private static final String IDS = MemberSql.ids(1);

    private static final String COMPLETE_FINISHED = "UPDATE member_batch b SET status = 'COMPLETED',"
            + " completed_at = now() WHERE b.status <> 'COMPLETED'"
            + " AND NOT EXISTS (SELECT 1 FROM member_line l WHERE l.batch_id = b.id AND l.pending)";
    private static final String CLAIM_BATCH = "SELECT b.id FROM member_batch b WHERE b.status <> 'COMPLETED'"
            + " AND b.id NOT IN " + IDS
            + " AND EXISTS (SELECT 1 FROM member_line l WHERE l.batch_id = b.id AND l.pending)"
            + " ORDER BY b.accepted_at, b.id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED";
    private static final String CLAIM = "SELECT l.batch_id, l.line, b.insurer_number, l.op, "
            + MemberLine.columns("l") + " FROM member_line l JOIN member_batch b ON b.id = l.batch_id"
            + " WHERE l.batch_id = ?1 AND l.pending ORDER BY l.line LIMIT ?2 FOR UPDATE OF l";
    private static final String RESIDENTS = "SELECT my_number_hash, name, sex, birth_date, address FROM resident"
            + " WHERE my_number_hash IN " + HASHES;
    private static final String LINKED = "SELECT id, my_number_hash, sex, birth_date FROM person"
            + " WHERE my_number_hash IN " + HASHES;
    private static final String HOLDERS = "SELECT DISTINCT ON (q.insurer_number, q.symbol_key, q.number_key,"
            + " q.branch) q.insurer_number, q.symbol_key, q.number_key, q.branch, q.id, q.valid_from, p.id,"
            + " p.my_number_hash, p.sex, p.birth_date FROM qualification q JOIN person p ON p.id = q.person_id"
            + " JOIN (SELECT DISTINCT * FROM " + ROWS + " AS x(i text, s text, n text, b text)) x"
            + " ON q.insurer_number = x.i AND q.symbol_key = x.s AND q.number_key = x.n AND q.branch = x.b"
            + " ORDER BY q.insurer_number, q.symbol_key, q.number_key, q.branch, q.valid_from DESC, q.created_at DESC";
    private static final String WRITE_PERSONS = "INSERT INTO person AS p (id, name, name_kana, sex, birth_date,"
            + " address, my_number_hash) SELECT x.id, x.name, x.name_kana, x.sex, x.birth_date, x.address,"
            + " x.my_number_hash FROM " + ROWS + " AS x(id uuid, name text, name_kana text, sex text, birth_date date,"
            + " address text, my_number_hash text) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name,"
            + " name_kana = EXCLUDED.name_kana, sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date,"
            + " address = COALESCE(EXCLUDED.address, p.address),"
            + " my_number_hash = COALESCE(EXCLUDED.my_number_hash, p.my_number_hash)";
    private static final String INSERT_QUALIFICATIONS = "INSERT INTO qualification (id, person_id, insurer_number,"
            + " symbol, number, symbol_key, number_key, branch, relationship, valid_from, valid_until, copayment_rate,"
            + " limit_category) SELECT x.id, x.person_id, x.insurer_number, x.symbol, x.number, x.symbol_key,"
            + " x.number_key, x.branch, x.relationship, x.valid_from, x.valid_until, x.copayment_rate,"
            + " x.limit_category FROM " + ROWS + " AS x(id uuid, person_id uuid, insurer_number text, symbol text,"
            + " number text, symbol_key text, number_key text, branch text, relationship text, valid_from date,"
            + " valid_until date, copayment_rate smallint, limit_category text)";
    private static final String UPDATE_QUALIFICATIONS = "UPDATE qualification q SET"
            + " symbol = CASE WHEN x.whole THEN x.symbol ELSE q.symbol END,"
            + " number = CASE WHEN x.whole THEN x.number ELSE q.number END,"
            + " relationship = CASE WHEN x.whole THEN x.relationship ELSE q.relationship END,"
            + " valid_from = CASE WHEN x.whole THEN x.valid_from ELSE q.valid_from END,"
            + " copayment_rate = CASE WHEN x.whole THEN x.copayment_rate ELSE q.copayment_rate END,"
            + " limit_category = CASE WHEN x.whole THEN x.limit_category ELSE q.limit_category END,"
            + " valid_until = x.valid_until FROM " + ROWS + " AS x(id uuid, whole boolean, symbol text, number text,"
            + " relationship text, valid_from date, valid_until date, copayment_rate smallint, limit_category text)"
            + " WHERE q.id = x.id";
    private static final String MOVE = "UPDATE qualification q SET person_id = x.to_person FROM " + ROWS
            + " AS x(from_person uuid, to_person uuid) WHERE q.person_id = x.from_person";
    private static final String SUPERSEDED = "SELECT h.id, h.suspended_person_id FROM held_record h"
            + " JOIN " + ROWS + " AS x(i text, h char(64), s text, n text, b text) ON h.insurer_number = x.i"
            + " AND (h.my_number_hash = x.h OR (h.number_key = x.n AND h.symbol_key = x.s AND h.branch = x.b))"
            + " WHERE h.resolved_at IS NULL";
    private static final String SUPERSEDE = "UPDATE held_record SET resolved_at = now(), resolution = 'SUPERSEDED'"
            + " WHERE resolved_at IS NULL AND id IN " + IDS;
    private static final String INSERT_HELD = "INSERT INTO held_record (id, insurer_number, batch_id, line, code,"
            + " message, held_at, " + MemberLine.COLUMNS + ", suspended_person_id, resolved_at, resolution)"
            + " SELECT x.id, x.insurer_number, x.batch_id, x.line, x.code, x.message, now(), " + MemberLine.columns("x")
            + ", x.suspended_person_id, CASE WHEN x.superseded THEN now() END,"
            + " CASE WHEN x.superseded THEN 'SUPERSEDED' END FROM " + ROWS + " AS x(id uuid, insurer_number text,"
            + " batch_id uuid, line int, code text, message text, " + MemberLine.TYPED + ", suspended_person_id uuid,"
            + " superseded boolean)";
    private static final String OUTCOMES = "UPDATE member_line l SET pending = false, outcome = x.outcome,"
            + " code = x.code, message = x.message FROM " + ROWS + " AS x(batch_id uuid, line int, outcome text,"
            + " code text, message text) WHERE l.batch_id = x.batch_id AND l.line = x.line";
    private static final String START = "UPDATE member_batch b SET status = 'PROCESSING'"
            + " WHERE b.status = 'ACCEPTED' AND b.id IN " + IDS;

    @Inject
    MemberJson json;

    @Inject
    PersonChanges personChanges;

    /** Batches whose chunk failed since the last timer tick: skipped until then, so that other batches go on. */
    private final Set<UUID> failed = ConcurrentHashMap.newKeySet();

    MemberWorker() {
        super("Member batch worker", "shikaku.members", 2000);
    }

    @Override
    protected void onTick() {
        failed.clear();
    }

    /**
     * The drain's next chunk. A chunk of a batch that fails is logged by batch and lines (no personal data) and that
     * batch is skipped until the next timer tick, so that other batches go on; a failure before a batch was claimed
     * ends the drain until the timer.
     */
    @Override
    protected Uni<Integer> nextChunk() {
        Claim claim = new Claim();
        return chunk(chunkSize(), claim).onFailure(failure -> claim.batch != null).recoverWithItem(failure -> {
            LOG.warnf("Member batch %s lines %d to %d failed (%s); other batches go on, this one is retried on the"
                    + " timer", claim.batch, claim.first, claim.last, failure.getClass().getName());
            failed.add(claim.batch);
            return 1;
        });
    }

    /** Claims and decides at most {@code limit} pending lines of one batch in one transaction; how many it decided. */
    @Override
    protected Uni<Integer> chunk(int limit) {
        return chunk(limit, new Claim());
    }

    /**
     * One transaction: the oldest batch with pending lines that no other worker holds (its row locked until commit, so
     * one batch's lines are decided by one worker at a time, in line order) and not failed since the last timer tick,
     * then up to {@code limit} of its pending lines in line order.
     */
    private Uni<Integer> chunk(int limit, Claim claim) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(COMPLETE_FINISHED).executeUpdate()
                .chain(() -> session.createNativeQuery(CLAIM_BATCH, UUID.class)
                        .setParameter(1, json.write(List.copyOf(failed))).getResultList())
                .chain(batches -> batches.isEmpty()
                        ? Uni.createFrom().item(List.<Object[]>of())
                        : session.createNativeQuery(CLAIM, Object[].class).setParameter(1, batches.get(0))
                                .setParameter(2, limit).getResultList())
                .chain(claimed -> {
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Pending> lines = pending(claimed);
                    claim.batch = lines.get(0).batchId();
                    claim.first = lines.get(0).line();
                    claim.last = lines.get(lines.size() - 1).line();
                    return apply(session, lines);
                })));
    }

    /** Which batch and lines a chunk claimed, for the log when it fails; never a line's content. */
    private static final class Claim {
        UUID batch;
        int first;
        int last;
    }

    private static List<Pending> pending(List<Object[]> rows) {
        List<Pending> lines = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            lines.add(new Pending((UUID) r[0], ((Number) r[1]).intValue(), MemberJson.trim(r[2]),
                    Op.valueOf((String) r[3]),
                    MemberJson.line(r, 4)));
        }
        return lines;
    }

    private Uni<Integer> apply(Mutiny.Session session, List<Pending> lines) {
        Set<String> hashes = new LinkedHashSet<>();
        List<Map<String, Object>> keys = new ArrayList<>();
        for (Pending line : lines) {
            if (line.values().myNumberHash() != null) {
                hashes.add(line.values().myNumberHash());
            }
            NumberKey key = line.key();
            keys.add(Map.of("i", key.insurerNumber(), "s", key.symbolKey(), "n", key.numberKey(), "b", key.branch()));
        }
        String hashJson = json.write(hashes);
        Map<String, FourAttributes> residents = new HashMap<>();
        Map<String, UUID> linked = new HashMap<>();
        Map<NumberKey, Holder> holders = new HashMap<>();
        Map<UUID, Known> persons = new HashMap<>();
        return session.createNativeQuery(RESIDENTS, Object[].class).setParameter(1, hashJson).getResultList()
                .invoke(rows -> rows.forEach(r -> residents.put(MemberJson.trim(r[0]), new FourAttributes((String) r[1],
                        (String) r[2], MemberJson.date(r[3]), (String) r[4]))))
                .chain(() -> session.createNativeQuery(LINKED, Object[].class).setParameter(1, hashJson)
                        .getResultList())
                .invoke(rows -> rows.forEach(r -> {
                    Known known = new Known((UUID) r[0], MemberJson.trim(r[1]), (String) r[2], MemberJson.date(r[3]));
                    persons.put(known.personId(), known);
                    linked.put(known.myNumberHash(), known.personId());
                }))
                .chain(() -> session.createNativeQuery(HOLDERS, Object[].class).setParameter(1, json.write(keys))
                        .getResultList())
                .invoke(rows -> rows.forEach(r -> {
                    Known known = new Known((UUID) r[6], MemberJson.trim(r[7]), (String) r[8], MemberJson.date(r[9]));
                    persons.putIfAbsent(known.personId(), known);
                    holders.put(
                            new NumberKey(MemberJson.trim(r[0]), (String) r[1], (String) r[2], MemberJson.trim(r[3])),
                            new Holder((UUID) r[4], MemberJson.date(r[5]), known.personId()));
                }))
                .map(ignored -> LineDecisions.decide(lines, new Snapshot(residents, linked, holders, persons),
                        UUID::randomUUID))
                .chain(decisions -> write(session, lines, decisions))
                .replaceWith(lines.size());
    }

    private Uni<Void> write(Mutiny.Session session, List<Pending> lines, Decisions d) {
        Set<UUID> suspensionCandidates = new LinkedHashSet<>();
        for (Held h : d.held()) {
            if (h.suspendedPersonId != null) {
                suspensionCandidates.add(h.suspendedPersonId);
            }
        }
        Set<UUID> batches = new LinkedHashSet<>();
        lines.forEach(line -> batches.add(line.batchId()));
        return update(session, WRITE_PERSONS, personRows(d))
                .chain(() -> update(session, INSERT_QUALIFICATIONS, qualificationRows(d, true)))
                .chain(() -> update(session, UPDATE_QUALIFICATIONS, qualificationRows(d, false)))
                .chain(() -> update(session, MOVE, moveRows(d)))
                .chain(() -> supersede(session, d, suspensionCandidates))
                .chain(() -> update(session, INSERT_HELD, heldRows(d)))
                .chain(() -> personChanges.resuspend(session, suspensionCandidates))
                .chain(changed -> {
                    Set<UUID> publish = new LinkedHashSet<>(d.changedPersons());
                    publish.addAll(changed);
                    return update(session, OUTCOMES, outcomeRows(d))
                            .chain(() -> update(session, START, List.copyOf(batches)))
                            .chain(() -> session.createNativeQuery(COMPLETE_FINISHED).executeUpdate())
                            .chain(() -> personChanges.publish(session, publish));
                });
    }

    private Uni<Void> supersede(Mutiny.Session session, Decisions d, Set<UUID> suspensionCandidates) {
        if (d.applied().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, Object>> rows = new ArrayList<>(d.applied().size());
        for (LineDecisions.Applied a : d.applied()) {
            Map<String, Object> row = new HashMap<>();
            row.put("i", a.insurerNumber());
            row.put("h", a.myNumberHash());
            row.put("s", a.key().symbolKey());
            row.put("n", a.key().numberKey());
            row.put("b", a.key().branch());
            rows.add(row);
        }
        return session.createNativeQuery(SUPERSEDED, Object[].class).setParameter(1, json.write(rows))
                .getResultList().chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<UUID> ids = new ArrayList<>();
                    for (Object[] r : found) {
                        ids.add((UUID) r[0]);
                        if (r[1] != null) {
                            suspensionCandidates.add((UUID) r[1]);
                        }
                    }
                    return update(session, SUPERSEDE, ids);
                });
    }

    private Uni<Void> update(Mutiny.Session session, String sql, List<?> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(sql).setParameter(1, json.write(rows)).executeUpdate().replaceWithVoid();
    }

    private static List<Map<String, Object>> personRows(Decisions d) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PersonWrite p : d.persons().values()) {
            if (!p.attributes) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", p.id);
            row.put("name", p.name);
            row.put("name_kana", p.nameKana);
            row.put("sex", p.sex);
            row.put("birth_date", p.birthDate);
            row.put("address", p.address);
            row.put("my_number_hash", p.myNumberHash);
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> qualificationRows(Decisions d, boolean isNew) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (QualificationWrite q : d.qualifications().values()) {
            if (q.isNew != isNew) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", q.id);
            row.put("whole", q.full);
            row.put("person_id", q.personId);
            row.put("insurer_number", q.insurerNumber);
            row.put("symbol", q.symbol);
            row.put("number", q.number);
            row.put("symbol_key", q.symbolKey);
            row.put("number_key", q.numberKey);
            row.put("branch", q.branch);
            row.put("relationship", q.relationship);
            row.put("valid_from", q.validFrom);
            row.put("valid_until", q.validUntil);
            row.put("copayment_rate", q.copaymentRate);
            row.put("limit_category", q.limitCategory);
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> moveRows(Decisions d) {
        List<Map<String, Object>> rows = new ArrayList<>(d.moves().size());
        d.moves().forEach((from, to) -> rows.add(Map.of("from_person", from, "to_person", to)));
        return rows;
    }

    private static List<Map<String, Object>> heldRows(Decisions d) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Held h : d.held()) {
            Pending l = h.line;
            Map<String, Object> row = new HashMap<>();
            row.put("id", h.id);
            row.put("insurer_number", l.insurerNumber());
            row.put("batch_id", l.batchId());
            row.put("line", l.line());
            row.put("code", h.code.name());
            row.put("message", h.message);
            l.values().into(row);
            row.put("suspended_person_id", h.suspendedPersonId);
            row.put("superseded", h.superseded);
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> outcomeRows(Decisions d) {
        List<Map<String, Object>> rows = new ArrayList<>(d.outcomes().size());
        for (LineDecisions.LineOutcome o : d.outcomes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("batch_id", o.batchId());
            row.put("line", o.line());
            row.put("outcome", o.outcome().name());
            row.put("code", o.code() == null ? null : o.code().name());
            row.put("message", o.message());
            rows.add(row);
        }
        return rows;
    }
}
