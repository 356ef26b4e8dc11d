package io.shikaku.facility.master;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shikaku.common.event.Outbox;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the master and takes a facility through its lifecycle; every change leaves a facility-lifecycle event. */
@ApplicationScoped
public class FacilityService {

    /** The stage on the day of parameter $1, computed in SQL exactly as {@link Lifecycle#stageOn} does. */
    static final String STAGE = "CASE WHEN go_live_on <= $1 THEN 'LIVE' WHEN ready_on <= $1 THEN 'READY'"
            + " WHEN reader_applied_on <= $1 THEN 'READER_APPLIED'"
            + " WHEN account_registered_on <= $1 THEN 'ACCOUNT_REGISTERED' ELSE 'REGISTERED' END";

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Inject
    Today today;

    @Inject
    JsonWebToken token;

    /** A page of the facilities matching every given filter, ordered by facility code. */
    public Uni<FacilityPage> search(String prefecture, FacilityType type, Stage stage, String q, int page, int size) {
        LocalDate day = today.date();
        List<Object> params = new ArrayList<>(List.of(day));
        // $1 (today) is named in both queries, so that both take the same parameters: the select's stage reads it, and
        // a count without filters would otherwise have none and refuse the one given (a 500 for a bare search)
        StringBuilder where = new StringBuilder(" WHERE $1::date IS NOT NULL");
        if (prefecture != null) {
            params.add(prefecture);
            where.append(" AND prefecture = $").append(params.size());
        }
        if (type != null) {
            params.add(type.name());
            where.append(" AND type = $").append(params.size());
        }
        if (stage != null) {
            params.add(stage.name());
            where.append(" AND ").append(STAGE).append(" = $").append(params.size());
        }
        if (q != null) {
            String pattern = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.add(pattern + "%");
            where.append(" AND (facility_code LIKE $").append(params.size());
            params.add("%" + pattern + "%");
            where.append(" OR name ILIKE $").append(params.size()).append(')');
        }
        String count = "SELECT count(*) FROM facility" + where;
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        String select = "SELECT facility_code, type, prefecture, name, account_registered_on, reader_applied_on,"
                + " readers_applied, ready_on, go_live_on, emergency_terminal, " + STAGE + " AS stage FROM facility"
                + where + " ORDER BY facility_code LIMIT $" + (params.size() + 1) + " OFFSET $" + (params.size() + 2);
        return pool.preparedQuery(count).execute(Tuple.from(params))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(total -> pool.preparedQuery(select).execute(Tuple.from(pageParams))
                        .map(rows -> {
                            List<FacilityView> items = new ArrayList<>(size);
                            rows.forEach(row -> items.add(view(row)));
                            return new FacilityPage(page, size, total, items);
                        }));
    }

    private static FacilityView view(Row row) {
        Short readers = row.getShort("readers_applied");
        return new FacilityView(row.getString("facility_code"), FacilityType.valueOf(row.getString("type")),
                row.getString("prefecture"), row.getString("name"), row.getLocalDate("account_registered_on"),
                row.getLocalDate("reader_applied_on"), readers == null ? null : readers.intValue(),
                row.getLocalDate("ready_on"), row.getLocalDate("go_live_on"), row.getBoolean("emergency_terminal"),
                Stage.valueOf(row.getString("stage")));
    }

    /** One facility; 404 when the master does not hold it. */
    @WithSession
    public Uni<FacilityView> find(String facilityCode) {
        return Facility.<Facility>findById(facilityCode).map(f -> {
            if (f == null) {
                throw unknown();
            }
            return FacilityView.of(f, today.date());
        });
    }

    /** The facility's changes, oldest first; 404 when the master does not hold it. */
    @WithSession
    public Uni<FacilityHistoryView> history(String facilityCode) {
        return Facility.<Facility>findById(facilityCode).chain(f -> {
            if (f == null) {
                throw unknown();
            }
            return FacilityHistory.changesOf(facilityCode).map(rows -> FacilityHistoryView.of(facilityCode, rows));
        });
    }

    @WithTransaction
    public Uni<FacilityView> registerAccount(String facilityCode, LocalDate on) {
        LocalDate day = today.date();
        return change(facilityCode, FacilityChange.ACCOUNT_REGISTERED,
                f -> Lifecycle.registerAccount(f.dates(), on == null ? day : on, day));
    }

    @WithTransaction
    public Uni<FacilityView> applyForReaders(String facilityCode, int readers, LocalDate on) {
        LocalDate day = today.date();
        return change(facilityCode, FacilityChange.READERS_APPLIED,
                f -> Lifecycle.applyForReaders(f.dates(), f.details.type, readers, on, day));
    }

    @WithTransaction
    public Uni<FacilityView> markReady(String facilityCode, LocalDate on) {
        LocalDate day = today.date();
        return change(facilityCode, FacilityChange.READY, f -> Lifecycle.markReady(f.dates(), on, day));
    }

    @WithTransaction
    public Uni<FacilityView> setGoLive(String facilityCode, LocalDate on) {
        LocalDate day = today.date();
        return change(facilityCode, FacilityChange.GO_LIVE, f -> Lifecycle.setGoLive(f.dates(), on, day));
    }

    /** Whether the facility has an emergency terminal; an event only when that changes. */
    @WithTransaction
    public Uni<FacilityView> setEmergencyTerminal(String facilityCode, boolean enabled) {
        Actor by = actor();
        return locked(facilityCode).chain(f -> {
            if (f.details.emergencyTerminal == enabled) {
                return Uni.createFrom().item(FacilityView.of(f, today.date()));
            }
            f.equipEmergencyTerminal(enabled);
            return recorded(f, FacilityChange.EMERGENCY_TERMINAL, by);
        });
    }

    private Uni<FacilityView> change(String facilityCode, FacilityChange kind,
            Function<Facility, LifecycleDates> step) {
        Actor by = actor();
        return locked(facilityCode).chain(f -> {
            LifecycleDates dates;
            try {
                dates = step.apply(f);
            } catch (Lifecycle.StepRefused e) {
                throw new ProblemException(ErrorCode.INVALID_LIFECYCLE_STEP, e.getMessage());
            } catch (Lifecycle.InvalidStep e) {
                throw ProblemException.invalidField(e.field(), e.getMessage());
            }
            f.apply(dates);
            return recorded(f, kind, by);
        });
    }

    /** The change's event and its row of history, in the change's transaction. */
    private Uni<FacilityView> recorded(Facility f, FacilityChange kind, Actor by) {
        return outbox.add(FacilityLifecycleChanged.of(f)).chain(() -> FacilityHistory.of(f, kind, by).persist())
                .replaceWith(FacilityView.of(f, today.date()));
    }

    /** Who acts, from the access token. */
    private Actor actor() {
        return Actor.of(token);
    }

    private Uni<Facility> locked(String facilityCode) {
        return Facility.<Facility>findById(facilityCode, LockModeType.PESSIMISTIC_WRITE).map(f -> {
            if (f == null) {
                throw unknown();
            }
            return f;
        });
    }

    static ProblemException unknown() {
        return ProblemException.notFound("No such facility in the master");
    }
}
