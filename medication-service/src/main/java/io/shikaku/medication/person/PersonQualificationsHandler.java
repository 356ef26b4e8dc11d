package io.shikaku.medication.person;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shikaku.common.identifier.CardNumbers;
import io.shikaku.common.inbox.BatchEventHandler;
import io.shikaku.common.inbox.InboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Projects a batch of {@code person-qualifications} events onto {@code person} and {@code insured_number} (each
 * person's newest state wins by event time, so an older state read late never overwrites a newer one), then moves
 * dispensings to match: every dispensing attached to a changed person or under a number a changed person held or holds
 * gets the single person holding its number on its dispensing date, or none ({@link InsuredNumbers}). All set-based,
 * in the inbox's transaction, under {@link InsuredNumbers#REATTACHING} (so that the worker never attaches a line to a
 * holder this change replaces); a redelivered event has no second effect.
 */
@ApplicationScoped
public class PersonQualificationsHandler implements BatchEventHandler<PersonQualifications> {

    public static final String CONSUMER = "person-qualifications";

    private static final String PERSONS = "INSERT INTO person AS p (id, viewing_suspended, state_time)"
            + " SELECT DISTINCT ON (e.id) e.id, e.suspended, e.at FROM unnest($1::uuid[], $2::bool[],"
            + " $3::timestamptz[]) WITH ORDINALITY AS e(id, suspended, at, ord) ORDER BY e.id, e.at DESC, e.ord DESC"
            + " ON CONFLICT (id) DO UPDATE SET viewing_suspended = EXCLUDED.viewing_suspended,"
            + " state_time = EXCLUDED.state_time WHERE p.state_time <= EXCLUDED.state_time RETURNING p.id, p.state_time";
    private static final String FORGET = "DELETE FROM insured_number WHERE person_id = ANY($1::uuid[])"
            + " RETURNING insurer_number, symbol_key, number_key, branch";
    private static final String NUMBERS = "INSERT INTO insured_number (person_id, insurer_number, symbol_key,"
            + " number_key, branch, valid_from, valid_until) SELECT x.p, x.i, x.s, x.n, x.b, x.f, x.u"
            + " FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[],"
            + " $8::date[]) AS x(p, at, i, s, n, b, f, u) JOIN unnest($9::uuid[], $10::timestamptz[]) AS a(p, at)"
            + " ON a.p = x.p AND a.at = x.at";
    /**
     * Every dispensing the change may concern (attached to a changed person, or under a number a changed person held
     * before or holds now) gets its single holder on its dispensing date, or none.
     */
    private static final String REATTACH = "WITH k AS (SELECT insurer_number, symbol_key, number_key,"
            + " cast(branch as text) AS branch FROM insured_number WHERE person_id = ANY($1::uuid[])"
            + " UNION SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])"
            + " AS o(insurer_number, symbol_key, number_key, branch)),"
            + " c AS (SELECT d.id FROM dispensing d WHERE d.person_id = ANY($1::uuid[])"
            + " UNION SELECT d.id FROM dispensing d JOIN k ON d.insurer_number = k.insurer_number"
            + " AND d.number_key = k.number_key AND d.symbol_key = k.symbol_key AND d.branch = k.branch),"
            + " h AS (SELECT d.id, CASE WHEN count(DISTINCT n.person_id) = 1"
            + " THEN cast(min(cast(n.person_id as text)) as uuid) END AS person_id"
            + " FROM c JOIN dispensing d ON d.id = c.id LEFT JOIN insured_number n ON " + InsuredNumbers.COVERS
            + " GROUP BY d.id)"
            + " UPDATE dispensing t SET person_id = h.person_id FROM h WHERE t.id = h.id"
            + " AND t.person_id IS DISTINCT FROM h.person_id";

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Class<PersonQualifications> dataType() {
        return PersonQualifications.class;
    }

    @Override
    public Uni<Void> handle(SqlConnection tx, List<InboxEvent<PersonQualifications>> events) {
        List<InboxEvent<PersonQualifications>> changes = events.stream()
                .filter(e -> PersonQualifications.TYPE.equals(e.envelope().type())).toList();
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        for (InboxEvent<PersonQualifications> e : changes) {
            if (e.data().personId() == null || e.envelope().time() == null) {
                return Uni.createFrom().failure(new IllegalArgumentException("an event without person or time"));
            }
        }
        // Per person, the newest state of the batch (latest time; on a tie the later-read): its numbers replace the
        // kept ones if the person's row takes that state.
        Map<UUID, InboxEvent<PersonQualifications>> newest = new LinkedHashMap<>();
        for (InboxEvent<PersonQualifications> e : changes) {
            newest.merge(e.data().personId(), e,
                    (kept, later) -> later.envelope().time().isBefore(kept.envelope().time()) ? kept : later);
        }
        int n = changes.size();
        UUID[] ids = new UUID[n];
        Boolean[] suspended = new Boolean[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            InboxEvent<PersonQualifications> e = changes.get(i);
            ids[i] = e.data().personId();
            suspended[i] = e.data().viewingSuspended();
            times[i] = time(e);
        }
        return tx.query(InsuredNumbers.REATTACHING).execute()
                .chain(() -> tx.preparedQuery(PERSONS).execute(Tuple.of(ids, suspended, times)))
                .chain(applied -> applied.size() == 0
                        ? Uni.createFrom().voidItem()
                        : project(tx, applied, newest));
    }

    private Uni<Void> project(SqlConnection tx, RowSet<Row> applied,
            Map<UUID, InboxEvent<PersonQualifications>> newest) {
        List<UUID> persons = new ArrayList<>();
        List<OffsetDateTime> at = new ArrayList<>();
        for (Row row : applied) {
            persons.add(row.getUUID(0));
            at.add(row.getOffsetDateTime(1));
        }
        UUID[] appliedIds = persons.toArray(UUID[]::new);
        List<Object[]> rows = new ArrayList<>();
        for (UUID person : persons) {
            InboxEvent<PersonQualifications> e = newest.get(person);
            List<PersonQualifications.Numbers> numbers = e.data().qualifications();
            if (numbers == null) {
                continue;
            }
            for (PersonQualifications.Numbers q : numbers) {
                rows.add(new Object[] {person, time(e), q.insurerNumber(), CardNumbers.key(q.symbol()),
                        CardNumbers.key(q.number()), q.branch(), q.validFrom(), q.validUntil()});
            }
        }
        int m = rows.size();
        UUID[] p = new UUID[m];
        OffsetDateTime[] t = new OffsetDateTime[m];
        String[] insurer = new String[m];
        String[] symbol = new String[m];
        String[] number = new String[m];
        String[] branch = new String[m];
        LocalDate[] from = new LocalDate[m];
        LocalDate[] until = new LocalDate[m];
        for (int i = 0; i < m; i++) {
            Object[] r = rows.get(i);
            p[i] = (UUID) r[0];
            t[i] = (OffsetDateTime) r[1];
            insurer[i] = (String) r[2];
            symbol[i] = (String) r[3];
            number[i] = (String) r[4];
            branch[i] = (String) r[5];
            from[i] = (LocalDate) r[6];
            until[i] = (LocalDate) r[7];
        }
        List<String[]> old = new ArrayList<>();
        return tx.preparedQuery(FORGET).execute(Tuple.of(appliedIds))
                .invoke(forgotten -> forgotten.forEach(r -> old.add(new String[] {r.getString(0), r.getString(1),
                        r.getString(2), r.getString(3)})))
                .chain(() -> m == 0
                        ? Uni.createFrom().voidItem()
                        : tx.preparedQuery(NUMBERS).execute(Tuple.from(new Object[] {p, t, insurer, symbol, number,
                                branch, from, until, appliedIds, at.toArray(OffsetDateTime[]::new)}))
                                .replaceWithVoid())
                .chain(() -> tx.preparedQuery(REATTACH).execute(Tuple.from(new Object[] {appliedIds,
                        column(old, 0), column(old, 1), column(old, 2), column(old, 3)})))
                .replaceWithVoid();
    }

    private static String[] column(List<String[]> rows, int i) {
        return rows.stream().map(r -> r[i]).toArray(String[]::new);
    }

    private static OffsetDateTime time(InboxEvent<PersonQualifications> e) {
        return e.envelope().time().atOffset(ZoneOffset.UTC);
    }
}
