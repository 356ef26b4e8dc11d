package io.shikaku.common.testing;

import java.util.List;

import io.shikaku.common.inbox.BatchEventHandler;
import io.shikaku.common.inbox.InboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Test only: the handler of a service's batch inbox-contract consumer. Its effect is one {@code contract_effect} row
 * per event, written with one statement for the whole batch; it fails after writing when any event says so, so that
 * the contract sees the batch rolled back and only the failing event parked.
 */
public final class ContractEffectBatchHandler implements BatchEventHandler<ContractEvent.Data> {

    @Override
    public String consumer() {
        return BatchInboxContract.BATCH_CONSUMER;
    }

    @Override
    public Class<ContractEvent.Data> dataType() {
        return ContractEvent.Data.class;
    }

    @Override
    public Uni<Void> handle(SqlConnection tx, List<InboxEvent<ContractEvent.Data>> events) {
        String[] subjects = events.stream().map(e -> e.envelope().subject()).toArray(String[]::new);
        return tx.preparedQuery("INSERT INTO contract_effect (subject) SELECT unnest($1::text[])")
                .execute(Tuple.of(subjects))
                .invoke(() -> {
                    if (events.stream().anyMatch(e -> e.data().fail())) {
                        throw new IllegalStateException("fails on purpose");
                    }
                })
                .replaceWithVoid();
    }
}
