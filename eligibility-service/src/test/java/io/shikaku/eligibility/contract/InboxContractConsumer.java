package io.shikaku.eligibility.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.shikaku.common.inbox.EventTransport;
import io.shikaku.common.testing.ContractEffectHandler;
import io.smallrye.mutiny.Uni;

/** Test only: a consumer of the inbox contract's topic, so that the contract runs before this service consumes. */
@ApplicationScoped
public class InboxContractConsumer {

    @Inject
    EventTransport transport;

    private final ContractEffectHandler handler = new ContractEffectHandler();

    @Incoming("inbox-contract")
    Uni<Void> receive(Message<String> message) {
        return transport.receive(message, handler);
    }
}
