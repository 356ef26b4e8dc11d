package io.shikaku.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.shikaku.common.event.EventHeaders;
import io.shikaku.common.event.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * What every producing service promises about its events (DESIGN.md, Events): an event added in a committed
 * transaction reaches Kafka in the envelope, keyed by its aggregate and with its id as a header; one in a rolled-back
 * transaction never does; one key's events arrive in the order they were committed. A producing service's test
 * extends this and is annotated {@code @QuarkusTest}; its relay must be enabled.
 */
public abstract class OutboxContract {

    public static final String TOPIC = "outbox-contract";

    @Inject
    Outbox outbox;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCommittedEventReachesKafkaInItsEnvelopeWithItsKeyAndIdHeader() throws Throwable {
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(TOPIC)) {
            String key = UUID.randomUUID().toString();
            UUID id = commit(new ContractEvent(TOPIC, key, "committed-" + key, 1, false));

            ConsumerRecord<String, String> record = watch.await(r -> key.equals(r.key()));
            JsonNode envelope = json.readTree(record.value());
            assertEquals(id.toString(), envelope.get("id").asText());
            assertEquals(id.toString(), KafkaTestKit.header(record, EventHeaders.ID));
            assertEquals(ContractEvent.TYPE, envelope.get("type").asText());
            assertEquals(ContractEvent.TYPE, KafkaTestKit.header(record, EventHeaders.TYPE));
            assertEquals("committed-" + key, envelope.get("subject").asText());
            assertNotNull(envelope.get("source").asText(null));
            assertNotNull(envelope.get("time").asText(null));
            assertEquals(1, envelope.at("/data/sequence").asInt());
        }
    }

    @Test
    void anEventOfARolledBackTransactionNeverLeaves() throws Throwable {
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(TOPIC)) {
            String key = UUID.randomUUID().toString();
            assertThrows(RolledBack.class, () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> outbox.add(new ContractEvent(TOPIC, key, "rolled-back", 1, false))
                            .chain(() -> Uni.createFrom().failure(new RolledBack())))));
            commit(new ContractEvent(TOPIC, key, "committed-after", 2, false));

            watch.await(r -> key.equals(r.key()) && r.value().contains("committed-after"));
            assertFalse(watch.seen().stream().anyMatch(r -> key.equals(r.key()) && r.value().contains("rolled-back")));
        }
    }

    @Test
    void oneKeysEventsArriveInTheOrderTheyWereCommitted() throws Throwable {
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(TOPIC)) {
            String key = UUID.randomUUID().toString();
            String other = UUID.randomUUID().toString();
            int events = 50;
            for (int i = 1; i <= events; i++) {
                commit(new ContractEvent(TOPIC, key, "ordered", i, false));
                commit(new ContractEvent(TOPIC, other, "ordered", i, false));
            }

            List<ConsumerRecord<String, String>> arrived = watch.awaitAll(r -> key.equals(r.key()), events);
            for (int i = 0; i < events; i++) {
                assertEquals(i + 1, json.readTree(arrived.get(i).value()).at("/data/sequence").asInt());
            }
        }
    }

    private UUID commit(ContractEvent event) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.add(event)));
    }

    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("rolled back on purpose", null, false, false);
        }
    }
}
