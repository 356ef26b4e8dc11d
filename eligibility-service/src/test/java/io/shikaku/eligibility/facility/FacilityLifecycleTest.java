package io.shikaku.eligibility.facility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.Fixtures;
import io.shikaku.eligibility.support.LifecycleEvents;
import io.shikaku.eligibility.support.LifecycleEvents.Projected;

/**
 * Only live facilities may check, as the registry's lifecycle events say, through the real broker: the projection
 * applies each event once, keeps the newest state, and parks what it cannot read without stopping.
 */
@QuarkusTest
class FacilityLifecycleTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    AgroalDataSource db;

    private LifecycleEvents events;

    @BeforeEach
    void attach() {
        events = new LifecycleEvents(db);
        events.awaitConsumerAttached();
    }

    @Test
    void anUnknownFacilityMayNotCheck() {
        check(LifecycleEvents.freshCode(), TODAY)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FACILITY_NOT_LIVE"))
                .body("status", equalTo(403));
    }

    @Test
    void aFacilityMayNotCheckBeforeItsGoLiveDateAndMayAsSoonAsItRegistersGoLiveToday() {
        String code = LifecycleEvents.freshCode();
        Instant now = Instant.now();
        UUID ahead = UUID.randomUUID();
        LifecycleEvents.publish(ahead, now, code, TODAY.plusDays(30));
        events.awaitProjected(code, ahead);
        check(code, TODAY).statusCode(403).body("code", equalTo("FACILITY_NOT_LIVE"));
        check(code, TODAY.plusDays(30)).statusCode(200).body("validity", equalTo("NOT_FOUND"));

        UUID today = UUID.randomUUID();
        LifecycleEvents.publish(today, now.plusSeconds(1), code, TODAY);
        events.awaitProjected(code, today);
        check(code, TODAY).statusCode(200).body("validity", equalTo("NOT_FOUND"));
        check(code, TODAY.minusDays(1)).statusCode(403).body("code", equalTo("FACILITY_NOT_LIVE"));
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        // Two states at the same time: the later-read one wins, so a second effect of the first would show.
        String code = LifecycleEvents.freshCode();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID live = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        LifecycleEvents.publish(live, at, code, TODAY);
        LifecycleEvents.publish(withdrawn, at, code, null);
        LifecycleEvents.publish(live, at, code, TODAY);
        UUID after = UUID.randomUUID();
        LifecycleEvents.publish(after, at.minusSeconds(60), code, TODAY);
        events.awaitHandled(after);

        assertEquals(new Projected(null, withdrawn), events.projected(code));
        assertEquals(1, events.count("SELECT count(*) FROM inbox WHERE event_id = ?", live));
        check(code, TODAY).statusCode(403).body("code", equalTo("FACILITY_NOT_LIVE"));
    }

    @Test
    void anOlderStateReadAfterANewerOneNeverOverwritesIt() {
        String code = LifecycleEvents.freshCode();
        Instant now = Instant.now();
        UUID newer = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        LifecycleEvents.publish(newer, now, code, TODAY.minusDays(7));
        LifecycleEvents.publish(older, now.minusSeconds(3600), code, TODAY.plusDays(90));
        events.awaitHandled(older);

        assertEquals(new Projected(TODAY.minusDays(7), newer), events.projected(code));
        check(code, TODAY).statusCode(200);
    }

    @Test
    void theFacilitysNameIsKeptFromTheEventsThatCarryIt() {
        String code = LifecycleEvents.freshCode();
        Instant now = Instant.now();
        UUID named = UUID.randomUUID();
        LifecycleEvents.publishRaw(code, LifecycleEvents.envelope(named, now, code, TODAY, code.substring(0, 2))
                .replace("\"emergencyTerminal\":false}", "\"emergencyTerminal\":false,\"name\":\"中野こどもクリニック\"}"));
        events.awaitProjected(code, named);
        assertEquals("中野こどもクリニック", name(code));

        UUID unnamed = UUID.randomUUID();
        LifecycleEvents.publish(unnamed, now.plusSeconds(1), code, TODAY);
        events.awaitProjected(code, unnamed);
        assertEquals("中野こどもクリニック", name(code), "an event without a name keeps the name known");
    }

    private String name(String code) {
        try (var c = db.getConnection();
                var s = c.prepareStatement("SELECT name FROM facility WHERE facility_code = ?")) {
            s.setString(1, code);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPoisonRecordIsParkedWithoutItsContentAndTheNextEventOfTheFacilityIsStillApplied() {
        String code = LifecycleEvents.freshCode();
        RecordMetadata notJson = LifecycleEvents.publishRaw(code, "{\"facilityCode\": " + code + " not json");
        RecordMetadata badPrefecture = LifecycleEvents.publishRaw(code,
                LifecycleEvents.envelope(UUID.randomUUID(), Instant.now(), code, TODAY, "48"));
        UUID next = UUID.randomUUID();
        LifecycleEvents.publish(next, Instant.now(), code, TODAY);

        events.awaitProjected(code, next);
        check(code, TODAY).statusCode(200);
        for (RecordMetadata poison : new RecordMetadata[] {notJson, badPrefecture}) {
            String error = KafkaTestKit.await("the poison record parked", () -> parkedError(poison), e -> e != null);
            assertFalse(error.contains(code), "the error quotes nothing of the payload");
        }
    }

    private String parkedError(RecordMetadata record) {
        try (var c = db.getConnection();
                var s = c.prepareStatement("SELECT error FROM parked_event WHERE consumer = 'facility-lifecycle'"
                        + " AND topic = ? AND record_partition = ? AND record_offset = ?")) {
            s.setString(1, record.topic());
            s.setInt(2, record.partition());
            s.setLong(3, record.offset());
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidatableResponse check(String facilityCode, LocalDate visitDate) {
        return given().auth().oauth2(Tokens.clinic(facilityCode)).contentType(ContentType.JSON)
                .body(Map.of("method", "INSURANCE_CARD", "visitDate", visitDate.toString(), "insurerNumber",
                        "06130017", "symbol", "1", "number", Fixtures.freshNumber(), "branch", "00", "birthDate",
                        "1960-01-01"))
                .post("/api/v1/eligibility/checks").then();
    }
}
