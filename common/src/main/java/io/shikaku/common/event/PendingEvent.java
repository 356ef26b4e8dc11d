package io.shikaku.common.event;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.vertx.mutiny.sqlclient.Row;

/** An outbox row not yet published, as the relay reads and sends it. */
record PendingEvent(UUID id, String topic, String key, String type, String envelope) {

    static final String COLUMNS = "id, topic, record_key, event_type, envelope";

    static PendingEvent of(Row row) {
        return new PendingEvent(row.getUUID("id"), row.getString("topic"), row.getString("record_key"),
                row.getString("event_type"), row.getString("envelope"));
    }

    /** The record to send, to the event's topic with {@code topicPrefix} before it. */
    ProducerRecord<String, String> toRecord(String topicPrefix) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topicPrefix + topic, key, envelope);
        record.headers().add(EventHeaders.ID, id.toString().getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
