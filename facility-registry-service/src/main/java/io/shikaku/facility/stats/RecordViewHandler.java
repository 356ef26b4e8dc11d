package io.shikaku.facility.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * upsert, in the inbox's transaction, so that the counts and the events' claims commit together. Only views count
 * ({@link io.shikaku.common.access.AccessKind#isView()}): an emergency or disaster lookup on the same topic (kind
 * {@code LOOKUP}, for the access log) is claimed and skipped. An event without a valid facility code or kind fails the
 * batch; the transport then retries event by event and parks that one.
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
        List<String> codes = new ArrayList<>(events.size());
        List<LocalDate> days = new ArrayList<>(events.size());
        List<String> kinds = new ArrayList<>(events.size());
        for (InboxEvent<RecordViewedData> event : events) {
            RecordViewedData view = event.data();
            if (view == null || !FacilityCode.isValid(view.facilityCode()) || view.kind() == null) {
                return Uni.createFrom().failure(new IllegalArgumentException("not a countable view"));
            }
            if (!view.kind().isView()) {
                continue;
            }
            Instant viewedAt = view.viewedAt() != null ? view.viewedAt() : event.envelope().time();
            codes.add(view.facilityCode());
            days.add(UsageDay.of(viewedAt));
            kinds.add(view.kind().name());
        }
        if (codes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(COUNT).execute(Tuple.of(codes.toArray(String[]::new),
                days.toArray(LocalDate[]::new), kinds.toArray(String[]::new))).replaceWithVoid();
    }
}
