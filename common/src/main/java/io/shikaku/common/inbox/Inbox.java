package io.shikaku.common.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * De-duplicates events by id for each consumer (DESIGN.md, Events): the event id is claimed in the same transaction
 * as the handler's own change, so a redelivered event has no second effect, and a handler that fails leaves no
 * claim behind. Two deliveries at once: the second waits for the first's commit and then finds the claim.
 */
@ApplicationScoped
public class Inbox {

    private static final String CLAIM = "INSERT INTO inbox (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
    private static final String CLAIM_ALL = "INSERT INTO inbox (consumer, event_id) SELECT $1, id"
            + " FROM unnest($2::uuid[]) AS id ON CONFLICT DO NOTHING RETURNING event_id";

    /** Runs {@code handler} in a transaction (the caller's, if one is open) only the first time this consumer sees
     * the event id; whether it ran. */
    public Uni<Boolean> once(String consumer, UUID eventId, Supplier<Uni<Void>> handler) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM).setParameter(1, consumer).setParameter(2, eventId)
                        .executeUpdate())
                .chain(claimed -> claimed == 1
                        ? handler.get().replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE)));
    }

    /**
     * Claims {@code eventIds} for this consumer in the open transaction of {@code tx}, with one statement; the ids not
     * claimed before (by this or an earlier transaction), which are the events to handle. The claims last only if
     * {@code tx} commits.
     */
    public Uni<Set<UUID>> claimAll(SqlConnection tx, String consumer, Collection<UUID> eventIds) {
        UUID[] ids = new HashSet<>(eventIds).toArray(UUID[]::new);
        return tx.preparedQuery(CLAIM_ALL).execute(Tuple.of(consumer, ids)).map(rows -> {
            Set<UUID> claimed = new HashSet<>(rows.size() * 2);
            for (Row row : rows) {
                claimed.add(row.getUUID(0));
            }
            return claimed;
        });
    }
}
