package io.shikaku.common.inbox;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/** Where an event came from in Kafka: enough to find it again when it is parked. */
record ReceivedEvent(String topic, int partition, long offset, String key) {

    static ReceivedEvent of(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> new ReceivedEvent(m.getTopic(), m.getPartition(), m.getOffset(),
                        m.getKey() == null ? null : m.getKey().toString()))
                .orElse(new ReceivedEvent("unknown", -1, -1, null));
    }
}
