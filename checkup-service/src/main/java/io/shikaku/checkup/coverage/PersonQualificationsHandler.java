package io.shikaku.checkup.coverage;

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
import io.shikaku.common.identifier.InsurerNumber;
import io.shikaku.common.inbox.BatchEventHandler;
import io.shikaku.common.inbox.InboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Projects a batch of {@code person-qualifications} events onto {@code person} and {@code insured_number} with three
 * set-based statements in the inbox's transaction: per person the newest state of the batch (latest event time; on a
 * tie the later-read) replaces the kept one unless that is newer, so an older state read late never overwrites a
 * newer one; then every checkup attached to a changed person, or kept under a number a changed person held or holds,
 * gets the single person holding its number on its examination date, or none (one statement). All under {@link
 * Coverage#REATTACHING}, so that the worker never attaches a line to a holder this change replaces. Events of other
 * types are claimed and ignored; a malformed event fails the batch, and the transport
 * parks it on the one-by-one retry.
 */
@ApplicationScoped
public class PersonQualificationsHandler implements BatchEventHandler<PersonQualifications> {

    public static final String CONSUMER = "person-qualifications";

    private static final String UPSERT_PERSONS = "INSERT INTO person AS p (id, viewing_suspended, state_time, event_id,"
            + " updated_at) SELECT e.id, e.suspended, e.at, e.event_id, now()"
            + " FROM unnest($1::uuid[], $2::bool[], $3::timestamptz[], $4::uuid[]) AS e(id, suspended, at, event_id)"
            + " ON CONFLICT (id) DO UPDATE SET viewing_suspended = EXCLUDED.viewing_suspended,"
            + " state_time = EXCLUDED.state_time, event_id = EXCLUDED.event_id, updated_at = EXCLUDED.updated_at"
            + " WHERE p.state_time <= EXCLUDED.state_time RETURNING p.id";
    private static final String FORGET_NUMBERS = "DELETE FROM insured_number WHERE person_id = ANY($1::uuid[])"
            + " RETURNING insurer_number, symbol_key, number_key, branch";
    private static final String INSERT_NUMBERS = "INSERT INTO insured_number (person_id, insurer_number, symbol, number,"
            + " symbol_key, number_key, branch, valid_from, valid_until) SELECT n.person_id, n.insurer_number, n.symbol,"
            + " n.number, n.symbol_key, n.number_key, n.branch, n.valid_from, n.valid_until"
            + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],"
            + " $8::date[], $9::date[]) AS n(person_id, insurer_number, symbol, number, symbol_key, number_key, branch,"
            + " valid_from, valid_until) WHERE n.person_id = ANY($10::uuid[])";
    /**
     * Every checkup the change may concern (attached to a changed person, or kept under a number a changed person held
     * before or holds now) gets its single holder on its examination date, or none.
     */
    private static final String REATTACH = "WITH o AS (SELECT insurer_number, symbol_key, number_key,"
            + " cast(branch as text) AS branch FROM insured_number WHERE person_id = ANY($1::uuid[])"
            + " UNION SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])"
            + " AS f(insurer_number, symbol_key, number_key, branch)),"
            + " c AS (SELECT k.id FROM checkup k WHERE k.person_id = ANY($1::uuid[])"
            + " UNION SELECT k.id FROM checkup k JOIN o ON k.insurer_number = o.insurer_number"
            + " AND k.number_key = o.number_key AND k.symbol_key = o.symbol_key AND k.branch = o.branch),"
            + " h AS (SELECT k.id, CASE WHEN count(DISTINCT n.person_id) = 1"
            + " THEN cast(min(cast(n.person_id as text)) as uuid) END AS person_id"
            + " FROM c JOIN checkup k ON k.id = c.id LEFT JOIN insured_number n ON " + Coverage.COVERS
            + " GROUP BY k.id)"
            + " UPDATE checkup t SET person_id = h.person_id FROM h WHERE t.id = h.id"
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
        Map<UUID, InboxEvent<PersonQualifications>> newest = new LinkedHashMap<>();
        for (InboxEvent<PersonQualifications> e : events) {
            if (!PersonQualifications.TYPE.equals(e.envelope().type())) {
                continue;
            }
            PersonQualifications data = requireWellFormed(e);
            InboxEvent<PersonQualifications> kept = newest.get(data.personId());
            if (kept == null || !kept.envelope().time().isAfter(e.envelope().time())) {
                newest.put(data.personId(), e);
            }
        }
        if (newest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = newest.size();
        UUID[] ids = new UUID[n];
        Boolean[] suspended = new Boolean[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        UUID[] eventIds = new UUID[n];
        int i = 0;
        for (InboxEvent<PersonQualifications> e : newest.values()) {
            ids[i] = e.data().personId();
            suspended[i] = Boolean.TRUE.equals(e.data().viewingSuspended());
            times[i] = e.envelope().time().atOffset(ZoneOffset.UTC);
            eventIds[i] = e.envelope().id();
            i++;
        }
        return tx.query(Coverage.REATTACHING).execute()
                .chain(() -> tx.preparedQuery(UPSERT_PERSONS).execute(Tuple.of(ids, suspended, times, eventIds)))
                .chain(rows -> {
                    List<UUID> changed = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        changed.add(row.getUUID(0));
                    }
                    if (changed.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    UUID[] replaced = changed.toArray(UUID[]::new);
                    List<String[]> former = new ArrayList<>();
                    return tx.preparedQuery(FORGET_NUMBERS).execute(Tuple.of(replaced))
                            .invoke(forgotten -> forgotten.forEach(r -> former.add(new String[] {r.getString(0),
                                    r.getString(1), r.getString(2), r.getString(3)})))
                            .chain(() -> tx.preparedQuery(INSERT_NUMBERS).execute(numbers(newest, replaced)))
                            .chain(() -> tx.preparedQuery(REATTACH).execute(Tuple.from(new Object[] {replaced,
                                    column(former, 0), column(former, 1), column(former, 2), column(former, 3)})))
                            .replaceWithVoid();
                });
    }

    private static String[] column(List<String[]> rows, int i) {
        return rows.stream().map(r -> r[i]).toArray(String[]::new);
    }

    private static Tuple numbers(Map<UUID, InboxEvent<PersonQualifications>> newest, UUID[] replaced) {
        List<UUID> persons = new ArrayList<>();
        List<String> insurers = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<String> symbolKeys = new ArrayList<>();
        List<String> numberKeys = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        List<LocalDate> from = new ArrayList<>();
        List<LocalDate> until = new ArrayList<>();
        for (InboxEvent<PersonQualifications> e : newest.values()) {
            List<PersonQualifications.Numbers> qualifications = e.data().qualifications();
            for (PersonQualifications.Numbers q : qualifications == null
                    ? List.<PersonQualifications.Numbers>of()
                    : qualifications) {
                persons.add(e.data().personId());
                insurers.add(q.insurerNumber());
                symbols.add(q.symbol() == null ? "" : q.symbol());
                numbers.add(q.number());
                symbolKeys.add(CardNumbers.key(q.symbol()));
                numberKeys.add(CardNumbers.key(q.number()));
                branches.add(q.branch());
                from.add(q.validFrom());
                until.add(q.validUntil());
            }
        }
        return Tuple.from(new Object[] {persons.toArray(UUID[]::new), insurers.toArray(String[]::new),
                symbols.toArray(String[]::new), numbers.toArray(String[]::new), symbolKeys.toArray(String[]::new),
                numberKeys.toArray(String[]::new), branches.toArray(String[]::new), from.toArray(LocalDate[]::new),
                until.toArray(LocalDate[]::new), replaced});
    }

    /** An event this projection cannot keep fails the batch (and is parked on the one-by-one retry). */
    private static PersonQualifications requireWellFormed(InboxEvent<PersonQualifications> e) {
        PersonQualifications data = e.data();
        if (data == null || data.personId() == null || e.envelope().time() == null) {
            throw new IllegalArgumentException("not a person's qualifications");
        }
        if (data.qualifications() != null) {
            for (PersonQualifications.Numbers q : data.qualifications()) {
                if (q == null || !InsurerNumber.isValid(q.insurerNumber()) || q.number() == null
                        || q.branch() == null || !q.branch().matches("[0-9]{2}") || q.validFrom() == null
                        || (q.validUntil() != null && q.validUntil().isBefore(q.validFrom()))) {
                    throw new IllegalArgumentException("not an individual insured number with its period");
                }
            }
        }
        return data;
    }
}
