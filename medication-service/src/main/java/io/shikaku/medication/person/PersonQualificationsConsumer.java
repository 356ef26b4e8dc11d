package io.shikaku.medication.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shikaku.common.inbox.BatchEventTransport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The transport of the person projection: eligibility's {@code person-qualifications}, in batches (a 50,000-line member
 * batch publishes up to 50,000 events at once).
 */
@ApplicationScoped
public class PersonQualificationsConsumer {

    @Inject
    BatchEventTransport transport;

    @Inject
    PersonQualificationsHandler handler;

    @Incoming("person-qualifications")
    Uni<Void> receive(KafkaRecordBatch<String, String> batch) {
        return transport.receive(batch, handler);
    }
}
