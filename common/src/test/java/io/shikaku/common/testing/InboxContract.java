package io.shikaku.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.shikaku.common.event.EventEnvelope;
import io.shikaku.common.event.EventHeaders;
import io.shikaku.common.inbox.InboxPurge;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What every consuming service promises (DESIGN.md, Events): a redelivered event has one effect; an event that cannot
 * be parsed, or whose handler fails, is parked with an error free of its content, counted, and skipped, and the next
 * event on the same partition is still handled. A service's test extends this, is annotated {@code @QuarkusTest}, and
 * runs a consumer of {@link #TOPIC} whose {@code @Incoming} method is {@code transport.receive(message, new
 * ContractEffectHandler())}, with the test migrations of {@code db/contract}. {@link BatchInboxContract} holds a batch
 * consumer to the same promises on a topic of its own.
 */
public abstract class InboxContract {

    public static final String TOPIC = "inbox-contract";
    public static final String CONSUMER = "inbox-contract";

    @Inject
    Pool db;

    @Inject
    InboxPurge purge;

    /** The topic the consumer under test reads. */
    protected String topic() {
        return TOPIC;
    }

    /** The name the consumer under test claims, parks and counts under. */
    protected String consumer() {
        return CONSUMER;
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aDuplicateDeliveryHasOneEffect() {
        String key = UUID.randomUUID().toString();
        String twice = "twice-" + key;
        UUID id = UUID.randomUUID();
        produce(key, id, envelope(id, twice, false));
        produce(key, id, envelope(id, twice, false));
        String after = "after-" + key;
        UUID next = UUID.randomUUID();
        produce(key, next, envelope(next, after, false));

        KafkaTestKit.await("the event after the duplicate handled", () -> effects(after), n -> n == 1);
        assertEquals(1, effects(twice));
    }

    @Test
    void aPoisonMessageIsParkedWithoutItsContentAndTheNextMessageOnThePartitionIsStillHandled() {
        String key = UUID.randomUUID().toString();
        RecordMetadata poison = KafkaTestKit.produce(topic(), key, "{\"birthDate\": 1980-04-01 not json", Map.of());
        String after = "after-" + key;
        UUID next = UUID.randomUUID();
        produce(key, next, envelope(next, after, false));

        KafkaTestKit.await("the event after the poison handled", () -> effects(after), n -> n == 1);
        Row parked = parked(poison);
        assertEquals(key, parked.getString("record_key"));
        assertFalse(parked.getString("error").contains("1980"), "the error quotes nothing of the payload");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("shikaku_inbox_parked_total{consumer=\"" + consumer() + "\""));
    }

    @Test
    void aFailingHandlerLeavesNoEffectAndItsEventIsParkedWhileTheNextIsHandled() {
        String key = UUID.randomUUID().toString();
        String failing = "failing-" + key;
        UUID id = UUID.randomUUID();
        RecordMetadata failed = produce(key, id, envelope(id, failing, true));
        String after = "after-" + key;
        UUID next = UUID.randomUUID();
        produce(key, next, envelope(next, after, false));

        KafkaTestKit.await("the event after the failing one handled", () -> effects(after), n -> n == 1);
        assertEquals(0, effects(failing));
        Row parked = parked(failed);
        assertEquals(id, parked.getUUID("event_id"));
        assertEquals(IllegalStateException.class.getName(), parked.getString("error"));
        assertFalse(db.preparedQuery("SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2")
                .executeAndAwait(Tuple.of(consumer(), id)).iterator().hasNext(),
                "a failed handler leaves no claim, so a replay can handle the event");
    }

    /**
     * Claims older than Kafka keeps their events are deleted, chunk by chunk (the test chunk is 10 rows); younger ones,
     * which a redelivery could still need, are kept.
     */
    @Test
    void claimsAreForgottenOnceKafkaCannotDeliverTheirEventsAgain() {
        String consumer = "purge-probe-" + UUID.randomUUID();
        db.preparedQuery("INSERT INTO inbox (consumer, event_id, processed_at) SELECT $1, gen_random_uuid(),"
                + " now() - make_interval(days => CASE WHEN n <= 25 THEN 10 ELSE 8 END) FROM generate_series(1, 27) n")
                .executeAndAwait(Tuple.of(consumer));
        long deleted = purge.forgetClaimedBefore(Instant.now().minus(Duration.ofDays(9))).await()
                .atMost(Duration.ofSeconds(30));
        assertTrue(deleted >= 25, "deleted " + deleted);
        assertEquals(2L, db.preparedQuery("SELECT count(*) FROM inbox WHERE consumer = $1")
                .executeAndAwait(Tuple.of(consumer)).iterator().next().getLong(0), "the claims of 8 days ago stay");
    }

    protected RecordMetadata produce(String key, UUID id, String envelope) {
        return KafkaTestKit.produce(topic(), key, envelope, Map.of(EventHeaders.ID, id.toString(),
                EventHeaders.TYPE, ContractEvent.TYPE));
    }

    protected String envelope(UUID id, String subject, boolean fail) {
        try {
            return json.writeValueAsString(new EventEnvelope(id, ContractEvent.TYPE, "inbox-contract-test",
                    Instant.now(), subject, new ContractEvent.Data(1, fail)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected long effects(String subject) {
        return db.preparedQuery("SELECT count(*) FROM contract_effect WHERE subject = $1")
                .executeAndAwait(Tuple.of(subject)).iterator().next().getLong(0);
    }

    private Row parked(RecordMetadata record) {
        return KafkaTestKit.await("the event parked", () -> {
            var rows = db.preparedQuery("SELECT * FROM parked_event WHERE consumer = $1 AND topic = $2"
                    + " AND record_partition = $3 AND record_offset = $4")
                    .executeAndAwait(Tuple.of(consumer(), record.topic(), record.partition(), record.offset()));
            return rows.iterator().hasNext() ? rows.iterator().next() : null;
        }, row -> row != null);
    }
}
