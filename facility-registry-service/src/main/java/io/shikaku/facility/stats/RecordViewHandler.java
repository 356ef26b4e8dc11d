package io.shikaku.facility.stats;

import java.time.Instant;
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
 * Counts a batch of record views per facility, day and kind (DOMAIN.md §10's medication and checkup views) with one
 * upsert, in the inbox's transaction, so that the counts and the events' claims commit together. A view without a
 * valid facility code or kind fails the batch; the transport then retries event by event and parks that one.
 */
@ApplicationScoped
public class RecordViewHandler implements BatchEventHandler<RecordViewedData> {

    static final String CONSUMER = "usage-record-views";

    private static final String COUNT = "INSERT INTO record_view_daily (facility_code, day, kind, views)"
            + " SELECT code, day, kind, count(*) FROM unnest($1::text[], $2::date[], $3::text[]) AS e(code, day, kind)"
            + " GROUP BY code, day, kind"
            + " ON CONFLICT (facility_code, day, kind) DO UPDATE SET views = record_view_daily.views + EXCLUDED.views";

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Class<RecordViewedData> dataType() {
        return RecordViewedData.class;
    }

    @Override
    public Uni<Void> handle(SqlConnection tx, List<InboxEvent<RecordViewedData>> events) {
        int n = events.size();
        String[] codes = new String[n];
        LocalDate[] days = new LocalDate[n];
        String[] kinds = new String[n];
        for (int i = 0; i < n; i++) {
            InboxEvent<RecordViewedData> event = events.get(i);
            RecordViewedData view = event.data();
            if (view == null || !FacilityCode.isValid(view.facilityCode()) || view.kind() == null) {
                return Uni.createFrom().failure(new IllegalArgumentException("not a countable view"));
            }
            Instant viewedAt = view.viewedAt() != null ? view.viewedAt() : event.envelope().time();
            codes[i] = view.facilityCode();
            days[i] = UsageDay.of(viewedAt);
            kinds[i] = view.kind().name();
        }
        return tx.preparedQuery(COUNT).execute(Tuple.of(codes, days, kinds)).replaceWithVoid();
    }
}
