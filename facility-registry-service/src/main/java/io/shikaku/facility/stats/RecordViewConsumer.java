package io.shikaku.facility.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shikaku.common.inbox.BatchEventTransport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The transport of the view statistics: medication and checkup views, from topic {@code record-views}, in batches
 * (every view of a morning's checks with consent comes this way).
 */
@ApplicationScoped
public class RecordViewConsumer {

    @Inject
    BatchEventTransport transport;

    @Inject
    RecordViewHandler handler;

    @Incoming("record-views")
    Uni<Void> receive(KafkaRecordBatch<String, String> batch) {
        return transport.receive(batch, handler);
    }
}
