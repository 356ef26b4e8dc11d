package io.shikaku.medication.facility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shikaku.common.inbox.BatchEventTransport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The transport of the facility name projection: the registry's {@code facility-lifecycle}, in batches (the national
 * master import publishes up to 229,202 events at once).
 */
@ApplicationScoped
public class FacilityLifecycleConsumer {

    @Inject
    BatchEventTransport transport;

    @Inject
    FacilityNamesHandler handler;

    @Incoming("facility-lifecycle")
    Uni<Void> receive(KafkaRecordBatch<String, String> batch) {
        return transport.receive(batch, handler);
    }
}
