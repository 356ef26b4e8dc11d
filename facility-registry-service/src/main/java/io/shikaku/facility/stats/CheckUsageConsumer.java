package io.shikaku.facility.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shikaku.common.inbox.BatchEventTransport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The transport of the usage statistics: eligibility's checks, from topic {@code eligibility-checks}, in batches (a
 * morning peak is hundreds of checks a second; a new deployment reads the topic's history).
 */
@ApplicationScoped
public class CheckUsageConsumer {

    @Inject
    BatchEventTransport transport;

    @Inject
    CheckUsageHandler handler;

    @Incoming("eligibility-checks")
    Uni<Void> receive(KafkaRecordBatch<String, String> batch) {
        return transport.receive(batch, handler);
    }
}
