package io.shikaku.common.testing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shikaku.common.event.EventEnvelope;
import io.shikaku.common.inbox.EventHandler;
import io.smallrye.mutiny.Uni;

/**
 * Test only: the handler of a service's inbox-contract consumer. Its effect is a {@code contract_effect} row (test
 * migration {@code db/contract}) written in the consumer's transaction; it fails after writing when told to, so that
 * the contract sees the effect rolled back.
 */
public final class ContractEffectHandler implements EventHandler<ContractEvent.Data> {

    @Override
    public String consumer() {
        return InboxContract.CONSUMER;
    }

    @Override
    public Class<ContractEvent.Data> dataType() {
        return ContractEvent.Data.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope envelope, ContractEvent.Data data) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO contract_effect (subject) VALUES (?1)")
                        .setParameter(1, envelope.subject()).executeUpdate())
                .invoke(() -> {
                    if (data.fail()) {
                        throw new IllegalStateException("fails on purpose");
                    }
                })
                .replaceWithVoid();
    }
}
