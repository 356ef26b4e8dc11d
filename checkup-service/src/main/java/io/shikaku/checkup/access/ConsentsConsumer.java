package io.shikaku.checkup.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shikaku.common.access.ConsentProjection;
import io.shikaku.common.inbox.BatchEventTransport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The transport of this service's consent projection (common's access rule, which the checkup view goes through):
 * eligibility's {@code consents} topic, in batches.
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
