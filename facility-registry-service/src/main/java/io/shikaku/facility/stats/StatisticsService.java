package io.shikaku.facility.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The portal's statistics (DOMAIN.md §10), each one aggregate statement over the master (and the daily usage table):
 * counted in PostgreSQL with {@code count(*) FILTER (…)}, never by loading facilities. A facility is reader-applied,
 * ready or live as of a date when that step's date is on or before it; a live facility counts as ready too. The
 * master has no registration date, so every facility in it counts as registered whatever the date.
 */
@ApplicationScoped
public class StatisticsService {

    private static final String STAGES = "count(*) AS facilities,"
            + " count(*) FILTER (WHERE reader_applied_on <= $1) AS reader_applied,"
            + " count(*) FILTER (WHERE ready_on <= $1 OR go_live_on <= $1) AS ready,"
            + " count(*) FILTER (WHERE go_live_on <= $1) AS live";

    private static final String BY_TYPE = "SELECT type AS grp, " + STAGES + " FROM facility GROUP BY type";

    private static final String BY_PREFECTURE = "SELECT prefecture AS grp, " + STAGES
            + " FROM facility WHERE $2::varchar IS NULL OR type = $2 GROUP BY prefecture ORDER BY prefecture";

    private static final String TREND = "SELECT type,"
            + " count(*) FILTER (WHERE ready_on <= $1 OR go_live_on <= $1) AS ready_from,"
            + " count(*) FILTER (WHERE ready_on <= $2 OR go_live_on <= $2) AS ready_to,"
            + " count(*) FILTER (WHERE go_live_on <= $1) AS live_from,"
            + " count(*) FILTER (WHERE go_live_on <= $2) AS live_to"
            + " FROM facility GROUP BY type";

    /** Checks and views of facilities that are not in the master have no type and are left out. */
    private static final String USAGE = "WITH checks AS ("
            + " SELECT f.type,"
            + "  coalesce(sum(u.checks) FILTER (WHERE u.method = 'MY_NUMBER_CARD'), 0)::bigint AS my_number_card,"
            + "  coalesce(sum(u.checks) FILTER (WHERE u.method = 'INSURANCE_CARD'), 0)::bigint AS insurance_card,"
            + "  coalesce(sum(u.checks) FILTER (WHERE u.method = 'BULK'), 0)::bigint AS bulk"
            + " FROM usage_daily u JOIN facility f ON f.facility_code = u.facility_code"
            + " WHERE u.day BETWEEN $1 AND $2 GROUP BY f.type),"
            + " views AS ("
            + " SELECT f.type,"
            + "  coalesce(sum(v.views) FILTER (WHERE v.kind = 'MEDICATION'), 0)::bigint AS medication_views,"
            + "  coalesce(sum(v.views) FILTER (WHERE v.kind = 'CHECKUP'), 0)::bigint AS checkup_views"
            + " FROM record_view_daily v JOIN facility f ON f.facility_code = v.facility_code"
            + " WHERE v.day BETWEEN $1 AND $2 GROUP BY f.type),"
            + " live AS (SELECT type, count(*) FILTER (WHERE go_live_on <= $3) AS live FROM facility GROUP BY type)"
            // every type with checks or views has a facility, so it is in live
            + " SELECT live.type, coalesce(my_number_card, 0) AS my_number_card,"
            + "  coalesce(insurance_card, 0) AS insurance_card, coalesce(bulk, 0) AS bulk, live.live,"
            + "  coalesce(medication_views, 0) AS medication_views, coalesce(checkup_views, 0) AS checkup_views"
            + " FROM live LEFT JOIN checks ON checks.type = live.type LEFT JOIN views ON views.type = live.type";

    @Inject
    Pool db;

    public Uni<AdoptionReport> adoption(LocalDate asOf) {
        return db.preparedQuery(BY_TYPE).execute(Tuple.of(asOf)).map(rows -> {
            Map<String, Counts> byType = counts(rows);
            List<AdoptionFigures> figures = new ArrayList<>();
            Counts total = Counts.NONE;
            for (String type : FacilityTypes.ALL) {
                Counts c = byType.getOrDefault(type, Counts.NONE);
                figures.add(AdoptionFigures.of(type, c));
                total = total.plus(c);
            }
            return new AdoptionReport(asOf, figures, AdoptionFigures.of(null, total));
        });
    }

    public Uni<PrefectureReport> prefectures(LocalDate asOf, String type) {
        return db.preparedQuery(BY_PREFECTURE).execute(Tuple.of(asOf, type)).map(rows -> {
            List<PrefectureFigures> prefectures = new ArrayList<>();
            counts(rows).forEach((prefecture, c) -> prefectures.add(PrefectureFigures.of(prefecture, c)));
            prefectures.sort((a, b) -> a.prefecture().compareTo(b.prefecture()));
            List<PrefectureBand> bands = RateBands
                    .of(prefectures.stream().map(PrefectureFigures::readerAppliedRate).toList()).stream()
                    .map(PrefectureBand::of).toList();
            return new PrefectureReport(asOf, type, prefectures, bands);
        });
    }

    public Uni<TrendReport> trend(LocalDate from, LocalDate to) {
        return db.preparedQuery(TREND).execute(Tuple.of(from, to)).map(rows -> {
            Map<String, Counts[]> byType = new HashMap<>();
            for (Row row : rows) {
                byType.put(row.getString("type"), new Counts[] {
                        new Counts(0, 0, row.getLong("ready_from"), row.getLong("live_from")),
                        new Counts(0, 0, row.getLong("ready_to"), row.getLong("live_to"))});
            }
            List<TrendFigures> figures = new ArrayList<>();
            Counts totalFrom = Counts.NONE;
            Counts totalTo = Counts.NONE;
            for (String type : FacilityTypes.ALL) {
                Counts[] c = byType.getOrDefault(type, new Counts[] {Counts.NONE, Counts.NONE});
                figures.add(TrendFigures.of(type, c[0], c[1]));
                totalFrom = totalFrom.plus(c[0]);
                totalTo = totalTo.plus(c[1]);
            }
            return new TrendReport(from, to, figures, TrendFigures.of(null, totalFrom, totalTo));
        });
    }

    /** Checks by method and record views by kind, per type, from the daily counters the consumers keep. */
    public Uni<UsageReport> usage(LocalDate from, LocalDate to, LocalDate liveAsOf) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return db.preparedQuery(USAGE).execute(Tuple.of(from, to, liveAsOf)).map(rows -> {
            Map<String, UsageCounts> byType = new HashMap<>();
            for (Row row : rows) {
                byType.put(row.getString("type"), new UsageCounts(row.getLong("my_number_card"),
                        row.getLong("insurance_card"), row.getLong("bulk"), row.getLong("live"),
                        row.getLong("medication_views"),
                        row.getLong("checkup_views")));
            }
            List<UsageFigures> figures = new ArrayList<>();
            UsageCounts total = UsageCounts.NONE;
            for (String type : FacilityTypes.ALL) {
                UsageCounts c = byType.getOrDefault(type, UsageCounts.NONE);
                figures.add(UsageFigures.of(type, c, days));
                total = total.plus(c);
            }
            return new UsageReport(from, to, liveAsOf, figures, UsageFigures.of(null, total, days));
        });
    }

    private static Map<String, Counts> counts(RowSet<Row> rows) {
        Map<String, Counts> counts = new HashMap<>();
        for (Row row : rows) {
            counts.put(row.getString("grp"), new Counts(row.getLong("facilities"), row.getLong("reader_applied"),
                    row.getLong("ready"), row.getLong("live")));
        }
        return counts;
    }
}
