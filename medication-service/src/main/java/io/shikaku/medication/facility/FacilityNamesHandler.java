package io.shikaku.medication.facility;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.inbox.BatchEventHandler;
import io.shikaku.common.inbox.InboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Projects the names of the registry's {@code facility-lifecycle} events onto {@code facility} (DOMAIN.md §6: the
 * patient sees the facilities' names, and they come from the master, never from the claims feed) with one upsert per
 * Kafka batch in the inbox's transaction: per facility the newest name by event time wins (a tie goes to the
 * later-read), an older event read late changes nothing, and an event without a name never erases a known one.
 */
@ApplicationScoped
public class FacilityNamesHandler implements BatchEventHandler<FacilityLifecycle> {

    public static final String CONSUMER = "facility-lifecycle";

    private static final String UPSERT = "INSERT INTO facility AS f (code, name, updated_at)"
            + " SELECT DISTINCT ON (e.code) e.code, e.name, e.at FROM unnest($1::text[], $2::text[],"
            + " $3::timestamptz[]) WITH ORDINALITY AS e(code, name, at, ord) ORDER BY e.code, e.at DESC, e.ord DESC"
            + " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at"
            + " WHERE f.updated_at <= EXCLUDED.updated_at";

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Class<FacilityLifecycle> dataType() {
        return FacilityLifecycle.class;
    }

    @Override
    public Uni<Void> handle(SqlConnection tx, List<InboxEvent<FacilityLifecycle>> events) {
        List<InboxEvent<FacilityLifecycle>> named = events.stream()
                .filter(e -> FacilityLifecycle.TYPE.equals(e.envelope().type()))
                .filter(e -> e.data().name() != null && !e.data().name().isBlank()).toList();
        if (named.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = named.size();
        String[] codes = new String[n];
        String[] names = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            InboxEvent<FacilityLifecycle> e = named.get(i);
            if (!FacilityCode.isValid(e.data().facilityCode()) || e.envelope().time() == null) {
                return Uni.createFrom().failure(new IllegalArgumentException("an event without facility code or time"));
            }
            codes[i] = e.data().facilityCode();
            names[i] = e.data().name().strip();
            times[i] = e.envelope().time().atOffset(ZoneOffset.UTC);
        }
        return tx.preparedQuery(UPSERT).execute(Tuple.of(codes, names, times)).replaceWithVoid();
    }
}
