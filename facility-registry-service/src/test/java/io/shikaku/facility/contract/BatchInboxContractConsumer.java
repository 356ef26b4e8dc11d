package io.shikaku.facility.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shikaku.common.inbox.BatchEventTransport;
import io.shikaku.common.testing.ContractEffectBatchHandler;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Test only: a batch consumer of the batch inbox contract's topic, configured as this service's usage consumers are
 * (batches that wait for 64 KB or 250 ms).
 */
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
