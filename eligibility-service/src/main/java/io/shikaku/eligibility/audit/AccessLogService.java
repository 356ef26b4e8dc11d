package io.shikaku.eligibility.audit;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads the access log, newest first (latest access time, then latest entry): an auditor's page with any filters, and a
 * patient's own entries with the facilities' names from the facility projection. Each filter has its index (V70).
 */
@ApplicationScoped
public class AccessLogService {

    private static final String ORDER = " ORDER BY a.accessed_at DESC, a.sequence DESC";

    @Inject
    Pool pool;

    public Uni<AuditLogPage> audit(AccessLogQuery.Filter filter) {
        return page(filter, "SELECT " + prefixed(AuditEntry.COLUMNS) + " FROM access_log a", AuditEntry::of)
                .map(p -> new AuditLogPage(filter.page(), filter.size(), p.total(), p.items()));
    }

    public Uni<OwnAccessPage> own(AccessLogQuery.Filter filter) {
        return page(filter, "SELECT a.accessed_at, a.facility_code, f.name AS facility_name, a.profession, a.kind,"
                + " a.basis FROM access_log a LEFT JOIN facility f ON f.facility_code = a.facility_code",
                OwnAccess::of).map(p -> new OwnAccessPage(filter.page(), filter.size(), p.total(), p.items()));
    }

    private record Found<T>(long total, List<T> items) {
    }

    private <T> Uni<Found<T>> page(AccessLogQuery.Filter filter, String select, Function<Row, T> mapper) {
        List<Object> values = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        condition(where, values, " AND a.person_id = $", filter.person());
        condition(where, values, " AND a.facility_code = $", filter.facility());
        condition(where, values, " AND a.basis = $", filter.basis() == null ? null : filter.basis().name());
        condition(where, values, " AND a.accessed_at >= $",
                filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC));
        condition(where, values, " AND a.accessed_at < $",
                filter.until() == null ? null : filter.until().atOffset(ZoneOffset.UTC));
        Tuple counted = Tuple.from(values);
        values.add(filter.size());
        values.add(filter.offset());
        String limit = " LIMIT $" + (values.size() - 1) + " OFFSET $" + values.size();
        return pool.preparedQuery("SELECT count(*) FROM access_log a" + where).execute(counted)
                .chain(count -> pool.preparedQuery(select + where + ORDER + limit).execute(Tuple.from(values))
                        .map(rows -> {
                            List<T> items = new ArrayList<>(rows.size());
                            rows.forEach(row -> items.add(mapper.apply(row)));
                            return new Found<>(count.iterator().next().getLong(0), items);
                        }));
    }

    private static void condition(StringBuilder where, List<Object> values, String sql, Object value) {
        if (value != null) {
            values.add(value);
            where.append(sql).append(values.size());
        }
    }

    private static String prefixed(String columns) {
        return "a." + columns.replace(", ", ", a.");
    }
}
