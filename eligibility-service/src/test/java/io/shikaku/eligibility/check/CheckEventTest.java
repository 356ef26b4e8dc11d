package io.shikaku.eligibility.check;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shikaku.common.event.OutboxPurge;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.Fixtures;
import io.shikaku.eligibility.support.LifecycleEvents;

/** Every recorded check reaches the real Kafka broker as an event keyed by facility, without personal data. */
@QuarkusTest
class CheckEventTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    @Inject
    OutboxPurge purge;

    @Test
    void aCheckIsPublishedOnTheEligibilityChecksTopic() throws Exception {
        new Fixtures(db).liveFacility("1340123452");
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(io.shikaku.common.event.Topics.ELIGIBILITY_CHECKS));
            consumer.poll(Duration.ofMillis(500));

            String checkId = given().auth().oauth2(Tokens.clinic("1340123452")).contentType(ContentType.JSON)
                    .body(CheckResourceTest.cardNumbers("06130017", "1234", Fixtures.freshNumber(), "00", "1970-01-01"))
                    .post("/api/v1/eligibility/checks")
                    .then().statusCode(200).extract().path("checkId");

            ConsumerRecord<String, String> found = awaitRecord(consumer, checkId);
            assertEquals("1340123452", found.key());
            JsonNode envelope = new ObjectMapper().readTree(found.value());
            assertEquals(CheckRecorded.TYPE, envelope.get("type").asText());
            assertEquals(envelope.get("id").asText(), new String(found.headers().lastHeader("ce_id").value()));
            assertEquals(checkId, envelope.get("subject").asText());
            assertEquals("eligibility-service", envelope.get("source").asText());
            assertEquals("NOT_FOUND", envelope.at("/data/validity").asText());
            assertEquals("INSURANCE_CARD", envelope.at("/data/method").asText());
            assertFalse(found.value().contains("1970-01-01"), "no personal data in the event");
        }
    }

    @Test
    void aCheckIsWrittenWithExactlyOneEventAndAFacilityNotLiveWritesNeither() throws Exception {
        new Fixtures(db).liveFacility("1340123452");
        String checkId = given().auth().oauth2(Tokens.clinic("1340123452")).contentType(ContentType.JSON)
                .body(CheckResourceTest.cardNumbers("06130017", "1234", Fixtures.freshNumber(), "00", "1970-01-01"))
                .post("/api/v1/eligibility/checks")
                .then().statusCode(200).extract().path("checkId");
        assertEquals(1, count("SELECT count(*) FROM eligibility_check WHERE id = ?::uuid", checkId));
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE event_type = '" + CheckRecorded.TYPE
                + "' AND envelope LIKE '%\"subject\":\"' || ? || '\"%'", checkId));

        String notLive = LifecycleEvents.freshCode();
        given().auth().oauth2(Tokens.clinic(notLive)).contentType(ContentType.JSON)
                .body(CheckResourceTest.cardNumbers("06130017", "1234", Fixtures.freshNumber(), "00", "1970-01-01"))
                .post("/api/v1/eligibility/checks")
                .then().statusCode(403);
        assertEquals(0, count("SELECT count(*) FROM eligibility_check WHERE facility_code = ?", notLive));
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE record_key = ?", notLive));
    }

    private long count(String sql, String parameter) throws Exception {
        try (var c = db.getConnection(); var s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void publishedEventsAreDeletedAfterTheirKeepingTimeAndPendingOnesNever() throws Throwable {
        UUID old = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        try (var c = db.getConnection();
                var s = c.prepareStatement("INSERT INTO outbox (id, topic, record_key, envelope,"
                        + " created_at, published_at) VALUES (?, 't', 'k', '{}', now() - interval '30 days', ?)")) {
            s.setObject(1, old);
            s.setObject(2, java.time.OffsetDateTime.now().minusDays(29));
            s.executeUpdate();
            s.setObject(1, pending);
            s.setObject(2, null);
            s.executeUpdate();
        }
        Long deleted = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(
                () -> purge.deletePublishedBefore(Instant.now().minus(Duration.ofDays(7))));
        assertEquals(true, deleted >= 1);
        try (var c = db.getConnection(); var s = c.prepareStatement("SELECT count(*) FROM outbox WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", new Object[] {old, pending}));
            var rs = s.executeQuery();
            rs.next();
            assertEquals(1, rs.getInt(1), "only the pending event is left");
        }
    }

    private ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String checkId) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value().contains(checkId)) {
                    return record;
                }
            }
        }
        throw new AssertionError("no event for check " + checkId + " within 30 s");
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "check-event-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
