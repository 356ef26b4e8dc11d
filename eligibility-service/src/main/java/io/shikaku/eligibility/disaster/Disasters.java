package io.shikaku.eligibility.disaster;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shikaku.common.db.DetachedDatabaseWork;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Declares, lists and ends disasters (DOMAIN.md §8), and answers which declared disaster covers a prefecture now, the
 * scope of a disaster lookup.
 */
@ApplicationScoped
public class Disasters {

    private static final String COLUMNS = "id, name, prefectures::text[] AS prefectures, from_on, until_on, starts_at,"
            + " ends_at, ended_at, declared_at";

    private static final String INSERT = "INSERT INTO disaster (id, name, prefectures, from_on, until_on, starts_at,"
            + " ends_at, declared_at, declared_by) VALUES ($1, $2, $3::char(2)[], $4, $5, $6, $7, $8, $9)"
            + " RETURNING " + COLUMNS;

    private static final String LIST = "SELECT " + COLUMNS + " FROM disaster ORDER BY declared_at DESC, id";

    /** Both CASEs read the row as it was: only a disaster neither ended early nor over yet changes. */
    private static final String END = "UPDATE disaster SET"
            + " ended_at = CASE WHEN ended_at IS NULL AND $2 < ends_at THEN $2 ELSE ended_at END,"
            + " ends_at = CASE WHEN ended_at IS NULL AND $2 < ends_at THEN $2 ELSE ends_at END WHERE id = $1";

    private static final String COVERING = "SELECT id FROM disaster WHERE $1::char(2) = ANY (prefectures)"
            + " AND starts_at <= $2 AND $2 < ends_at ORDER BY starts_at DESC, id LIMIT 1";

    @Inject
    Pool db;

    @Inject
    Clock clock;

    /** Records a valid declaration; {@code 400} naming every field at fault otherwise. */
    public Uni<Disaster> declare(DisasterRequest request, String declaredBy) {
        List<Problem.FieldError> problems = DisasterRules.problems(request);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(Problem.validation(problems)));
        }
        Instant now = now();
        Tuple values = Tuple.from(new Object[] {UUID.randomUUID(), request.name().strip(),
                request.prefectures().toArray(String[]::new), request.from(), request.until(),
                utc(DisasterRules.startsAt(request.from(), CalendarDates.JAPAN)),
                utc(DisasterRules.endsAt(request.until(), CalendarDates.JAPAN)), utc(now), declaredBy});
        return DetachedDatabaseWork.detached(db.withTransaction(tx -> tx.preparedQuery(INSERT).execute(values)))
                .map(rows -> of(rows.iterator().next(), now));
    }

    /** Every declared disaster, the latest declared first, each saying whether it is in force now. */
    public Uni<List<Disaster>> list() {
        Instant now = now();
        return db.preparedQuery(LIST).execute().map(rows -> {
            List<Disaster> all = new ArrayList<>();
            rows.forEach(row -> all.add(of(row, now)));
            return all;
        });
    }

    /**
     * Ends a disaster now (its period ends at this instant); one already ended keeps its first end, and one whose period
     * is over is left as it was. {@code 404} for an unknown disaster.
     */
    public Uni<Void> end(UUID disasterId) {
        return DetachedDatabaseWork.detached(db.withTransaction(tx -> tx.preparedQuery(END)
                .execute(Tuple.of(disasterId, utc(now()))))).map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("No such disaster");
                    }
                    return null;
                });
    }

    /** The newest-starting disaster whose region holds {@code prefecture} and whose period covers {@code now}. */
    public Uni<Optional<UUID>> covering(SqlClient tx, String prefecture, Instant now) {
        return tx.preparedQuery(COVERING).execute(Tuple.of(prefecture, utc(now))).map(rows -> {
            for (Row row : rows) {
                return Optional.of(row.getUUID("id"));
            }
            return Optional.empty();
        });
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Disaster of(Row row, Instant now) {
        Instant startsAt = row.getOffsetDateTime("starts_at").toInstant();
        Instant endsAt = row.getOffsetDateTime("ends_at").toInstant();
        OffsetDateTime endedAt = row.getOffsetDateTime("ended_at");
        return new Disaster(row.getUUID("id"), row.getString("name"),
                Arrays.asList(row.getArrayOfStrings("prefectures")), row.getLocalDate("from_on"),
                row.getLocalDate("until_on"), row.getOffsetDateTime("declared_at").toInstant(),
                endedAt == null ? null : endedAt.toInstant(), DisasterRules.inForce(startsAt, endsAt, now));
    }
}
