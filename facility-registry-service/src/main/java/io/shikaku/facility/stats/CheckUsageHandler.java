package io.shikaku.facility.stats;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.inbox.BatchEventHandler;
import io.shikaku.common.inbox.InboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Counts a batch of eligibility checks in the daily usage table (DOMAIN.md §10) with one upsert, in the inbox's
 * transaction, so that the counts and the events' claims commit together. An event without a valid facility code,
 * method or time fails the batch; the transport then retries event by event and parks that one.
 */
@ApplicationScoped
public class CheckUsageHandler implements BatchEventHandler<CheckRecordedData> {

    static final String CONSUMER = "usage-statistics";

    private static final String COUNT = "INSERT INTO usage_daily (facility_code, day, method, checks)"
            + " SELECT code, day, method, count(*) FROM unnest($1::text[], $2::date[], $3::text[]) AS e(code, day, method)"
            + " GROUP BY code, day, method"
            + " ON CONFLICT (facility_code, day, method) DO UPDATE SET checks = usage_daily.checks + EXCLUDED.checks";

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Class<CheckRecordedData> dataType() {
        return CheckRecordedData.class;
    }

    @Override
    public Uni<Void> handle(SqlConnection tx, List<InboxEvent<CheckRecordedData>> events) {
        int n = events.size();
        String[] codes = new String[n];
        LocalDate[] days = new LocalDate[n];
        String[] methods = new String[n];
        for (int i = 0; i < n; i++) {
            CheckRecordedData check = events.get(i).data();
            if (!FacilityCode.isValid(check.facilityCode()) || check.method() == null || check.checkedAt() == null) {
                return Uni.createFrom().failure(new IllegalArgumentException("not a countable check"));
            }
            codes[i] = check.facilityCode();
            days[i] = UsageDay.of(check.checkedAt());
            methods[i] = check.method().name();
        }
        return tx.preparedQuery(COUNT).execute(Tuple.of(codes, days, methods)).replaceWithVoid();
    }
}
