package io.shikaku.medication.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shikaku.common.access.ConsentProjection;
import io.shikaku.common.inbox.BatchEventTransport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The transport of this service's consent projection (common's access rule): eligibility's {@code consents} topic, in
 * batches (a morning peak of card checks with consent).
 */
@ApplicationScoped
public class ConsentsConsumer {

    @Inject
    BatchEventTransport transport;

    @Inject
    ConsentProjection projection;

    @Incoming("consents")
    Uni<Void> receive(KafkaRecordBatch<String, String> batch) {
        return transport.receive(batch, projection);
    }
}
