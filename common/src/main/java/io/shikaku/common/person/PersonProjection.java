package io.shikaku.common.person;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shikaku.common.identifier.CardNumbers;
import io.shikaku.common.identifier.InsurerNumber;
import io.shikaku.common.inbox.BatchEventHandler;
import io.shikaku.common.inbox.InboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The projection of eligibility's {@code person-qualifications} events that medication-service and checkup-service
 * share (who holds which individual insured number, when, and whether viewing is suspended): a batch of events is
 * applied to the service's {@code person} and {@code insured_number} with set-based statements in the inbox's
 * transaction, each person's newest state winning by event time; then the service's records kept under a number the
 * change concerns move to the number's single holder on their date, or to nobody ({@link #reattachStatement}), under the exclusive {@link #REATTACHING} lock that the service's attaching worker takes shared
 * ({@link #ATTACHING}), so that neither ever decides from holders the other has replaced.
 */
public abstract class PersonProjection implements BatchEventHandler<PersonQualifications> {

    /** The consumer's name: its key in the inbox. */
    public static final String CONSUMER = "person-qualifications";

    /** The transaction-scoped advisory lock that orders attachments; any constant, the same in every replica. */
    private static final String LOCK = "hashtext('person-attachment')";

    /** Taken by a worker before it attaches new records: shared with other workers, exclusive of projections. */
    public static final String ATTACHING = "SELECT pg_advisory_xact_lock_shared(" + LOCK + ")";

    /** Taken by the projection before it changes who holds which number and moves records to match. */
    public static final String REATTACHING = "SELECT pg_advisory_xact_lock(" + LOCK + ")";

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
     * The individual insured numbers a change concerns, as rows {@code (insurer_number, symbol_key, number_key,
     * branch)}: those the changed persons ({@code $1}) hold now and those they held before ({@code $2}–{@code $5}), the
     * parameters {@link #reattach} gets.
     */
    public static final String CONCERNED_NUMBERS = "SELECT insurer_number, symbol_key, number_key,"
            + " cast(branch as text) AS branch FROM insured_number WHERE person_id = ANY($1::uuid[])"
            + " UNION SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])"
            + " AS f(insurer_number, symbol_key, number_key, branch)";

    /**
     * Record {@code alias} (with columns {@code insurer_number}, {@code symbol_key}, {@code number_key}, {@code
     * branch}) is covered by insured number {@code n} on its {@code dateColumn}.
     */
    public static String covers(String alias, String dateColumn) {
        String r = alias + ".";
        return "n.insurer_number = " + r + "insurer_number AND n.number_key = " + r + "number_key"
                + " AND n.symbol_key = " + r + "symbol_key AND n.branch = " + r + "branch AND n.valid_from <= " + r
                + dateColumn + " AND (n.valid_until IS NULL OR n.valid_until >= " + r + dateColumn + ")";
    }

    /**
     * The one re-attachment statement for a table of records kept under an individual insured number (columns {@code
     * id}, {@code person_id}, {@code insurer_number}, {@code symbol_key}, {@code number_key}, {@code branch} and the
     * record's date): every record attached to a changed person, or kept under a number the change concerns ({@link
     * #CONCERNED_NUMBERS}), gets the single person holding its number on its date, or none (a number held by two
     * persons at once is ambiguous, as eligibility's MULTIPLE_MATCHES).
     */
    public static String reattachStatement(String table, String dateColumn) {
        return "WITH o AS (" + CONCERNED_NUMBERS + "),"
                + " c AS (SELECT r.id FROM " + table + " r WHERE r.person_id = ANY($1::uuid[])"
                + " UNION SELECT r.id FROM " + table + " r JOIN o ON r.insurer_number = o.insurer_number"
                + " AND r.number_key = o.number_key AND r.symbol_key = o.symbol_key AND r.branch = o.branch),"
                + " h AS (SELECT r.id, CASE WHEN count(DISTINCT n.person_id) = 1"
                + " THEN cast(min(cast(n.person_id as text)) as uuid) END AS person_id"
                + " FROM c JOIN " + table + " r ON r.id = c.id LEFT JOIN insured_number n ON "
                + covers("r", dateColumn) + " GROUP BY r.id)"
                + " UPDATE " + table + " t SET person_id = h.person_id FROM h WHERE t.id = h.id"
                + " AND t.person_id IS DISTINCT FROM h.person_id";
    }

    private final String reattach;

    /**
     * @param recordTable the service's table of records kept under an individual insured number ({@link
     *        #reattachStatement})
     * @param dateColumn the column of that table whose day decides the holder (dispensing or examination date)
     */
    protected PersonProjection(String recordTable, String dateColumn) {
        this.reattach = reattachStatement(recordTable, dateColumn);
    }

    /**
     * Moves the service's records to match the projection just changed, in the same transaction: {@code changed} holds
     * the parameters of {@link #CONCERNED_NUMBERS} (the changed persons, then the numbers they held before).
     */
    protected Uni<Void> reattach(SqlConnection tx, Tuple changed) {
        return tx.preparedQuery(reattach).execute(changed).replaceWithVoid();
    }

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
        return tx.query(REATTACHING).execute()
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
                            .chain(() -> reattach(tx, Tuple.from(new Object[] {replaced, column(former, 0),
                                    column(former, 1), column(former, 2), column(former, 3)})));
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
