package io.shikaku.facility.exemption;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Stores exemption requests and their decisions (DOMAIN.md §9). */
@ApplicationScoped
public class ExemptionService {

    private static final String COLUMNS = "id, facility_code, reason, note, status, requested_at, decided_at,"
            + " decision_note";

    @Inject
    Pool pool;

    public Uni<ExemptionRequests.View> submit(String facilityCode, ExemptionRequests.Submit request) {
        return pool.preparedQuery("INSERT INTO exemption_request (id, facility_code, reason, note, requested_at)"
                + " SELECT $1, facility_code, $3, $4, $5 FROM facility WHERE facility_code = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(UUID.randomUUID(), facilityCode, request.reason().name(), request.note(),
                        Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> single(rows, "No such facility in the master"));
    }

    public Uni<ExemptionRequests.Listing> list(String facilityCode) {
        return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM facility WHERE facility_code = $1)")
                .execute(Tuple.of(facilityCode)).chain(exists -> {
                    if (!exists.iterator().next().getBoolean(0)) {
                        throw ProblemException.notFound("No such facility in the master");
                    }
                    return pool.preparedQuery("SELECT " + COLUMNS + " FROM exemption_request WHERE facility_code = $1"
                            + " ORDER BY requested_at, id").execute(Tuple.of(facilityCode));
                }).map(rows -> {
                    List<ExemptionRequests.View> views = new ArrayList<>();
                    rows.forEach(row -> views.add(view(row)));
                    return new ExemptionRequests.Listing(facilityCode, views);
                });
    }

    /** Requests of every facility with {@code status}, oldest first. */
    public Uni<ExemptionRequests.Page> queue(ExemptionRequests.Status status, int page, int size) {
        return pool.preparedQuery("SELECT count(*) FROM exemption_request WHERE status = $1")
                .execute(Tuple.of(status.name())).map(rows -> rows.iterator().next().getLong(0))
                .chain(total -> pool.preparedQuery("SELECT " + COLUMNS + " FROM exemption_request WHERE status = $1"
                        + " ORDER BY requested_at, id LIMIT $2 OFFSET $3")
                        .execute(Tuple.of(status.name(), size, (long) page * size)).map(rows -> {
                            List<ExemptionRequests.View> views = new ArrayList<>();
                            rows.forEach(row -> views.add(view(row)));
                            return new ExemptionRequests.Page(page, size, total, views);
                        }));
    }

    /** Decides a pending request once; a second decision is a 409 CONFLICT. */
    public Uni<ExemptionRequests.View> decide(String facilityCode, UUID id, ExemptionRequests.Decide decision) {
        return pool.preparedQuery("UPDATE exemption_request SET status = $3, decision_note = $4, decided_at = now()"
                + " WHERE id = $1 AND facility_code = $2 AND status = 'PENDING' RETURNING " + COLUMNS)
                .execute(Tuple.of(id, facilityCode, decision.decision().name(), decision.note()))
                .chain(rows -> {
                    if (rows.iterator().hasNext()) {
                        return Uni.createFrom().item(view(rows.iterator().next()));
                    }
                    return pool.preparedQuery("SELECT 1 FROM exemption_request WHERE id = $1 AND facility_code = $2")
                            .execute(Tuple.of(id, facilityCode)).map(found -> {
                                if (found.iterator().hasNext()) {
                                    throw new ProblemException(ErrorCode.CONFLICT,
                                            "The exemption request is already decided");
                                }
                                throw ProblemException.notFound("No such exemption request for this facility");
                            });
                });
    }

    private static ExemptionRequests.View single(RowSet<Row> rows, String notFound) {
        if (!rows.iterator().hasNext()) {
            throw ProblemException.notFound(notFound);
        }
        return view(rows.iterator().next());
    }

    private static ExemptionRequests.View view(Row r) {
        return new ExemptionRequests.View(r.getUUID("id"), r.getString("facility_code"),
                ExemptionReason.valueOf(r.getString("reason")), r.getString("note"),
                ExemptionRequests.Status.valueOf(r.getString("status")), instant(r, "requested_at"),
                instant(r, "decided_at"), r.getString("decision_note"));
    }

    private static Instant instant(Row r, String column) {
        var time = r.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }
}
