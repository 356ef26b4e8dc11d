package io.shikaku.eligibility.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shikaku.common.identifier.CardNumbers;
import io.shikaku.eligibility.qualification.Person;
import io.shikaku.eligibility.qualification.Qualification;
import io.shikaku.eligibility.qualification.Relationship;
import io.shikaku.eligibility.qualification.Sex;
import io.shikaku.eligibility.sweep.NumbersHash;
import io.shikaku.eligibility.sweep.Streak;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Everything a check by card numbers reads, in one prepared statement instead of four ORM round trips (issue 8's
 * profile): the facility's go-live date, the qualifications the numbers and birth date match, the whole history of
 * the person when exactly one matched, the insurers' names, and the facility's latest window of NOT_FOUND answers for
 * these numbers (README "Sweeps"; one primary-key probe).
 */
@ApplicationScoped
public class CardNumberLookup {

    /** Namespace of the sweep windows' transaction-scoped advisory locks (two-key form: apart from bigint locks). */
    static final int WINDOW_LOCKS = 80;
    /** The keys come sorted, and are locked in that order, so two chunks never wait for each other in a circle. */
    static final String LOCK = "SELECT count(*) FROM unnest($1::int[]) AS k"
            + " WHERE pg_advisory_xact_lock(" + WINDOW_LOCKS + ", k) IS NULL";

    static final String SQL = "WITH matched AS (SELECT q.id, q.person_id FROM qualification q"
            + " JOIN person p ON p.id = q.person_id WHERE q.insurer_number = $2 AND q.number_key = $3"
            + " AND q.symbol_key = $4 AND q.branch = $5 AND p.birth_date = $6),"
            + " single AS (SELECT (array_agg(person_id))[1] AS person_id FROM matched"
            + " HAVING count(DISTINCT person_id) = 1),"
            + " candidate AS (SELECT id FROM matched UNION SELECT q.id FROM qualification q"
            + " JOIN single s ON q.person_id = s.person_id)"
            + " SELECT f.go_live_on, f.type AS facility_type, q.id, q.person_id, q.insurer_number, q.symbol, q.number, q.branch,"
            + " q.relationship, q.valid_from, q.valid_until, q.copayment_rate, q.limit_category, p.name,"
            + " p.name_kana, p.sex, p.birth_date, i.name AS insurer_name, q.id IN (SELECT id FROM matched) AS matched,"
            + " sw.first_at AS sweep_since, sw.attempts AS sweep_attempts"
            + " FROM (SELECT 1) AS one LEFT JOIN facility f ON f.facility_code = $1"
            + " LEFT JOIN LATERAL (SELECT first_at, attempts FROM check_sweep WHERE facility_code = $1"
            + " AND numbers_hash = $7 ORDER BY first_at DESC LIMIT 1) sw ON true"
            + " LEFT JOIN (candidate c JOIN qualification q ON q.id = c.id JOIN person p ON p.id = q.person_id"
            + " LEFT JOIN insurer i ON i.insurer_number = q.insurer_number) ON true";

    /**
     * What one check by card numbers needs to know; {@code history} is empty unless exactly one person matched;
     * {@code facilityType} is for the check counter; {@code streak} the facility's NOT_FOUND window for the numbers.
     */
    public record Found(LocalDate goLiveOn, String facilityType, List<Qualification> matched,
            List<Qualification> history, Map<String, String> insurerNames, Streak streak, byte[] numbersHash) {
    }

    @Inject
    NumbersHash numbersHash;

    /**
     * Takes, for the rest of the transaction, the lock of each facility and card's numbers among {@code parameters}
     * (their sweep window's), in one order: checks of the same numbers from the same facility then read and count the
     * window one after another (README "Sweeps"). Before the lookup, in its own statement: a statement sees only what
     * was committed when it began, so one that waited for the lock inside would read the window as it was before.
     */
    private static Uni<Void> lockWindows(SqlConnection db, List<Tuple> parameters) {
        int[] keys = parameters.stream().mapToInt(t -> windowKey(t.getString(0), t.getBuffer(6).getBytes())).distinct()
                .sorted().toArray();
        Integer[] boxed = Arrays.stream(keys).boxed().toArray(Integer[]::new);
        return db.preparedQuery(LOCK).execute(Tuple.of(boxed)).replaceWithVoid();
    }

    /** The sweep window's lock key of a facility and a card's numbers (a collision only makes two wait in turn). */
    static int windowKey(String facilityCode, byte[] numbersHash) {
        return 31 * Arrays.hashCode(numbersHash) + facilityCode.hashCode();
    }

    /**
     * Reads the facility, the matching qualifications and the single matched person's history on {@code db}, after
     * locking the numbers' sweep window: {@code db} must be in a transaction, which holds the lock until it ends.
     */
    public Uni<Found> find(SqlConnection db, String facilityCode, CheckRequest request) {
        Tuple parameters = parameters(facilityCode, request);
        return lockWindows(db, List.of(parameters))
                .chain(() -> db.preparedQuery(SQL).execute(parameters))
                .map(rows -> found(rows, parameters));
    }

    /**
     * The same for many checks in one batch (one round trip after the locks): bulk inquiries. {@code facilityCodes} and
     * {@code requests} pair up by position; the answers come in that order.
     */
    public Uni<List<Found>> findAll(SqlConnection db, List<String> facilityCodes, List<CheckRequest> requests) {
        List<Tuple> batch = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            batch.add(parameters(facilityCodes.get(i), requests.get(i)));
        }
        return lockWindows(db, batch).chain(() -> db.preparedQuery(SQL).executeBatch(batch)).map(first -> {
            List<Found> found = new ArrayList<>(batch.size());
            int i = 0;
            for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
                found.add(found(rows, batch.get(i++)));
            }
            return found;
        });
    }

    private Tuple parameters(String facilityCode, CheckRequest request) {
        String numberKey = CardNumbers.key(request.number());
        String symbolKey = CardNumbers.key(request.symbol());
        return Tuple.of(facilityCode, request.insurerNumber(), numberKey, symbolKey, request.branch(),
                request.birthDate()).addBuffer(
                        Buffer.buffer(numbersHash.of(request.insurerNumber(), symbolKey, numberKey, request.branch())));
    }

    private static Found found(RowSet<Row> rows, Tuple parameters) {
        LocalDate goLiveOn = null;
        String facilityType = null;
        Streak streak = null;
        List<Qualification> matched = new ArrayList<>();
        List<Qualification> history = new ArrayList<>();
        Map<String, String> insurerNames = new HashMap<>();
        Map<UUID, Person> persons = new HashMap<>();
        for (Row row : rows) {
            goLiveOn = row.getLocalDate("go_live_on");
            facilityType = row.getString("facility_type");
            if (row.getValue("sweep_since") != null) {
                streak = new Streak(row.getOffsetDateTime("sweep_since").toInstant(), row.getInteger("sweep_attempts"));
            }
            if (row.getUUID("id") == null) {
                continue;
            }
            Qualification q = qualification(row, persons);
            insurerNames.put(q.insurerNumber, row.getString("insurer_name"));
            history.add(q);
            if (row.getBoolean("matched")) {
                matched.add(q);
            }
        }
        return new Found(goLiveOn, facilityType, matched, persons.size() == 1 ? history : List.of(), insurerNames,
                streak, parameters.getBuffer(6).getBytes());
    }

    static Qualification qualification(Row row, Map<UUID, Person> persons) {
        Qualification q = new Qualification();
        q.id = row.getUUID("id");
        q.person = persons.computeIfAbsent(row.getUUID("person_id"), id -> person(id, row));
        q.insurerNumber = row.getString("insurer_number");
        q.symbol = row.getString("symbol");
        q.number = row.getString("number");
        q.branch = row.getString("branch");
        q.relationship = Relationship.valueOf(row.getString("relationship"));
        q.validFrom = row.getLocalDate("valid_from");
        q.validUntil = row.getLocalDate("valid_until");
        q.copaymentRate = row.getInteger("copayment_rate");
        q.limitCategory = row.getString("limit_category");
        return q;
    }

    private static Person person(UUID id, Row row) {
        Person p = new Person();
        p.id = id;
        p.name = row.getString("name");
        p.nameKana = row.getString("name_kana");
        p.sex = Sex.valueOf(row.getString("sex"));
        p.birthDate = row.getLocalDate("birth_date");
        return p;
    }
}
