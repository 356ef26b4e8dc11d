package io.shikaku.eligibility.facility;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shikaku.common.inbox.BatchEventHandler;
import io.shikaku.common.inbox.InboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Projects a batch of facility lifecycle events onto {@code facility} with one upsert: per facility the newest state
 * of the batch (latest event time; on a tie the later-read), and it replaces the kept state only when that is not
 * newer (last write wins by event time, so an older state read late never overwrites a newer one). The facility's name
 * is kept from the newest state that carries one (an event without a name keeps the name known). Events of other
 * types on the topic are claimed and ignored.
 */
@ApplicationScoped
public class FacilityLifecycleHandler implements BatchEventHandler<FacilityLifecycleChanged> {

    public static final String CONSUMER = "facility-lifecycle";

    private static final String UPSERT = "INSERT INTO facility AS f (facility_code, type, prefecture, go_live_on,"
            + " emergency_terminal, name, state_time, event_id, updated_at)"
            + " SELECT DISTINCT ON (e.code) e.code, e.type, e.prefecture, e.go_live_on, e.emergency, e.name, e.at, e.id,"
            + " now()"
            + " FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::bool[], $6::timestamptz[],"
            + " $7::uuid[], $8::text[]) WITH ORDINALITY AS e(code, type, prefecture, go_live_on, emergency, at, id, name,"
            + " ord)"
            + " ORDER BY e.code, e.at DESC, e.ord DESC"
            + " ON CONFLICT (facility_code) DO UPDATE SET type = EXCLUDED.type, prefecture = EXCLUDED.prefecture,"
            + " go_live_on = EXCLUDED.go_live_on, emergency_terminal = EXCLUDED.emergency_terminal,"
            + " name = coalesce(EXCLUDED.name, f.name),"
            + " state_time = EXCLUDED.state_time, event_id = EXCLUDED.event_id, updated_at = EXCLUDED.updated_at"
            + " WHERE f.state_time <= EXCLUDED.state_time";

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Class<FacilityLifecycleChanged> dataType() {
        return FacilityLifecycleChanged.class;
    }

    @Override
    public Uni<Void> handle(SqlConnection tx, List<InboxEvent<FacilityLifecycleChanged>> events) {
        List<InboxEvent<FacilityLifecycleChanged>> changes = events.stream()
                .filter(e -> FacilityLifecycleChanged.TYPE.equals(e.envelope().type())).toList();
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = changes.size();
        String[] codes = new String[n];
        String[] types = new String[n];
        String[] prefectures = new String[n];
        LocalDate[] goLive = new LocalDate[n];
        Boolean[] emergency = new Boolean[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        UUID[] ids = new UUID[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            InboxEvent<FacilityLifecycleChanged> e = changes.get(i);
            codes[i] = e.data().facilityCode();
            types[i] = e.data().type().name();
            prefectures[i] = e.data().prefecture();
            goLive[i] = e.data().goLiveOn();
            emergency[i] = e.data().emergencyTerminal();
            times[i] = e.envelope().time().atOffset(ZoneOffset.UTC);
            ids[i] = e.envelope().id();
            names[i] = e.data().name();
        }
        return tx.preparedQuery(UPSERT)
                .execute(Tuple.from(new Object[] {codes, types, prefectures, goLive, emergency, times, ids, names}))
                .replaceWithVoid();
    }
}
