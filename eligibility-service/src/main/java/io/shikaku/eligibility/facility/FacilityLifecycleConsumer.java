package io.shikaku.eligibility.facility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shikaku.common.inbox.BatchEventTransport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps the facility projection up to date from the registry's {@code facility-lifecycle} topic, in batches (the
 * national master import publishes one event per facility, 229,202 at once).
 */
@ApplicationScoped
public class FacilityLifecycleConsumer {

    @Inject
    BatchEventTransport transport;

    @Inject
    FacilityLifecycleHandler handler;

    @Incoming("facility-lifecycle")
    Uni<Void> receive(KafkaRecordBatch<String, String> batch) {
        return transport.receive(batch, handler);
    }
}
