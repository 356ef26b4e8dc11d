package io.shikaku.eligibility.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shikaku.common.inbox.BatchEventTransport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The transport of the access log: every view and lookup from topic {@code record-views}, in batches (a morning's views
 * with consent come this way, one append per batch).
 */
@ApplicationScoped
public class AccessLogConsumer {

    @Inject
    BatchEventTransport transport;

    @Inject
    AccessLogHandler handler;

    @Incoming("record-views")
    Uni<Void> receive(KafkaRecordBatch<String, String> batch) {
        return transport.receive(batch, handler);
    }
}
