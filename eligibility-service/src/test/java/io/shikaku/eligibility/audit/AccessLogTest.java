package io.shikaku.eligibility.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.AccessLogEvents;
import io.shikaku.eligibility.support.AccessLogEvents.Access;

/**
 * Every view or lookup published on {@code record-views} (the real broker) is appended to the access log exactly once,
 * as the next link of its chain, and what cannot be an entry is parked without stopping the log.
 */
@QuarkusTest
class AccessLogTest {

    @Inject
    AgroalDataSource db;

    private AccessLogEvents events;

    @BeforeEach
    void attach() {
        events = new AccessLogEvents(db);
        events.awaitConsumerAttached();
    }

    @Test
    void aViewIsLoggedOnceEvenWhenItIsDeliveredTwice() {
        Access view = Access.consentView(UUID.randomUUID(), "0110113719", Instant.now());
        AccessLogEvents.publish(view);
        AccessLogEvents.publish(view);
        Access next = Access.consentView(view.personId(), "0110113719", Instant.now());
        AccessLogEvents.publish(next);

        long first = events.awaitLogged(view.eventId());
        long second = events.awaitLogged(next.eventId());
        assertEquals(1, events.entries(view.eventId()));
        assertTrue(second > first, "the later event is a later entry");
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit/access-log?person=" + view.personId()).then()
                .statusCode(200).body("total", equalTo(2))
                .body("items.sequence", contains((int) second, (int) first));
    }

    @Test
    void anEntryKeepsWhoAccessedWhomHowAndWhenToTheMicrosecond() {
        Instant at = Instant.parse("2026-11-21T01:02:03.123456Z");
        Access lookup = Access.consentView(UUID.randomUUID(), "1310123458", at)
                .withKind("LOOKUP", "DISASTER", "DOCTOR", "emergency-doctor");
        AccessLogEvents.publish(lookup);
        long sequence = events.awaitLogged(lookup.eventId());

        assertEquals(1, events.count("SELECT count(*) FROM access_log WHERE sequence = ? AND person_id = ?"
                + " AND facility_code = '1310123458' AND viewer_subject = 'emergency-doctor' AND profession = 'DOCTOR'"
                + " AND kind = 'LOOKUP' AND basis = 'DISASTER' AND accessed_at = '2026-11-21T01:02:03.123456Z'"
                + " AND octet_length(hash) = 32 AND previous_hash = (SELECT hash FROM access_log WHERE sequence = ? - 1)",
                sequence, lookup.personId(), sequence));
    }

    @Test
    void everyEntryNumberFollowsTheOneBeforeWithoutAGap() {
        for (int i = 0; i < 20; i++) {
            AccessLogEvents.publish(Access.consentView(UUID.randomUUID(), "0110113719", Instant.now()));
        }
        Access last = Access.consentView(UUID.randomUUID(), "0110113719", Instant.now());
        AccessLogEvents.publish(last);
        long sequence = events.awaitLogged(last.eventId());
        assertEquals(events.count("SELECT count(*) FROM access_log WHERE sequence <= ?", sequence), sequence);
    }

    @Test
    void anEventThatIsNoAccessIsParkedAndTheNextAccessIsStillLogged() {
        UUID person = UUID.randomUUID();
        Access noFacility = new Access(UUID.randomUUID(), person, "011011371", "clinic", null, "MEDICATION", "CONSENT",
                Instant.now());
        AccessLogEvents.publish(noFacility);
        AccessLogEvents.publishRaw(person.toString(), AccessLogEvents.envelope(
                Access.consentView(person, "0110113719", Instant.now()).withKind("X_RAY", "CONSENT", null, "c")));
        Access next = Access.consentView(person, "0110113719", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        AccessLogEvents.publish(next);

        events.awaitLogged(next.eventId());
        KafkaTestKit.await("the bad events parked", () -> events.count(
                "SELECT count(*) FROM parked_event WHERE consumer = 'access-log' AND record_key = ?",
                person.toString()), n -> n == 2);
        assertEquals(1, events.count("SELECT count(*) FROM access_log WHERE person_id = ?", person));
    }
}
