package io.shikaku.eligibility.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shikaku.common.inbox.BatchEventTransport;
import io.shikaku.common.testing.ContractEffectBatchHandler;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Test only: a batch consumer of the batch inbox contract's topic, the shape of this service's facility consumer. */
@ApplicationScoped
public class BatchInboxContractConsumer {

    @Inject
    BatchEventTransport transport;

    private final ContractEffectBatchHandler handler = new ContractEffectBatchHandler();

    @Incoming("inbox-contract-batch")
    Uni<Void> receive(KafkaRecordBatch<String, String> batch) {
        return transport.receive(batch, handler);
    }
}
