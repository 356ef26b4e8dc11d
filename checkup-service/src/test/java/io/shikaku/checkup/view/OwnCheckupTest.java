package io.shikaku.checkup.view;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.checkup.support.CheckupUploads;
import io.shikaku.checkup.support.QualificationEvents;
import io.shikaku.checkup.support.QualificationEvents.Numbers;
import io.shikaku.common.event.Topics;
import io.shikaku.common.own.OwnRecords;
import io.shikaku.common.testing.ConsentEvents;
import io.shikaku.common.testing.FakeEligibility;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;

/**
 * The patient's own checkups (GET /api/v1/me/checkups): only the token's person, in the shape a facility sees, without
 * consent and without a record-views event; nothing while the linkage is in doubt.
 */
@QuarkusTest
@WithTestResource(value = FakeEligibility.class, scope = TestResourceScope.GLOBAL)
class OwnCheckupTest {

    private static final String INSURER = "06130017";
    private static final String CLINIC = "1310123458";
    private static final String ME = "/api/v1/me/checkups";

    @Inject
    AgroalDataSource db;

    private QualificationEvents persons;

    @BeforeEach
    void consumersAttached() {
        persons = new QualificationEvents(db);
        persons.awaitConsumerAttached();
    }

    @Test
    void thePatientSeesOwnCheckupsNewestFirstAsAFacilityWouldAndNobodyElses() {
        UUID me = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String myNumber = QualificationEvents.freshNumber();
        String otherNumber = QualificationEvents.freshNumber();
        persons.cover(me, List.of(new Numbers(INSURER, "12", myNumber, "00", LocalDate.of(2020, 4, 1), null)));
        persons.cover(other, List.of(new Numbers(INSURER, "12", otherNumber, "00", LocalDate.of(2020, 4, 1), null)));
        LocalDate earlier = LocalDate.now().minusYears(1);
        LocalDate later = LocalDate.now().minusMonths(1);
        CheckupUploads.awaitCompleted(CheckupUploads.submit(INSURER, null, List.of(
                CheckupUploads.record("12", myNumber, "00", "MALE", earlier, CheckupUploads.items()),
                CheckupUploads.record("12", myNumber, "00", "MALE", later, CheckupUploads.items()),
                CheckupUploads.record("12", otherNumber, "00", "MALE", later.minusDays(3), CheckupUploads.items()))));

        given().auth().oauth2(Tokens.patient(me)).get(ME).then().statusCode(200)
                .body("personId", equalTo(me.toString()))
                .body("checkups.examinedOn", equalTo(List.of(later.toString(), earlier.toString())))
                .body("checkups[0].metabolicSyndrome", equalTo("NOT_APPLICABLE"))
                .body("checkups[0].items.heightCm.code", equalTo("9N001000000000001"))
                .body("checkups[0].items.bmi.computed", equalTo(true));
        given().auth().oauth2(Tokens.patient(me)).get(ME + "?personId=" + other).then().statusCode(200)
                .body("personId", equalTo(me.toString())).body("checkups.size()", equalTo(2));
        given().auth().oauth2(Tokens.patient(other)).get(ME).then().statusCode(200)
                .body("checkups.examinedOn", equalTo(List.of(later.minusDays(3).toString())));
        given().auth().oauth2(Tokens.patient(me)).get("/api/v1/persons/" + other + "/checkups").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.patient(UUID.randomUUID())).get(ME).then().statusCode(200)
                .body("checkups", empty());
    }

    @Test
    void theOwnViewNeedsNoConsentAndPublishesNoRecordView() {
        UUID person = UUID.randomUUID();
        ConsentEvents consents = new ConsentEvents(db);
        consents.awaitConsumerAttached();
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.RECORD_VIEWS)) {
            given().auth().oauth2(Tokens.patient(person)).get(ME).then().statusCode(200);
            // a facility's view of the same person afterwards is published: the patient's would have come first
            consents.awaitProjected(ConsentEvents.publish(person, CLINIC, false, true, Instant.now()));
            given().auth().oauth2(Tokens.clinic(CLINIC)).get("/api/v1/persons/" + person + "/checkups").then()
                    .statusCode(200);
            watch.await(r -> person.toString().equals(r.key()));
            assertEquals(1, watch.seen().stream().filter(r -> person.toString().equals(r.key())).count(),
                    "only the facility's view is published");
        }
        assertEquals(1, persons.count("SELECT count(*) FROM outbox WHERE topic = ? AND record_key = ?",
                Topics.RECORD_VIEWS, person.toString()), "the patient's own view is not recorded");
    }

    @Test
    void whileTheLinkageIsInDoubtThePatientSeesNothingAndIsToldWhy() {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        List<Numbers> held = List.of(new Numbers(INSURER, "12", number, "00", LocalDate.of(2020, 4, 1), null));
        persons.cover(person, held);
        CheckupUploads.awaitCompleted(CheckupUploads.submit(INSURER, null, List.of(CheckupUploads.record("12", number,
                "00", "MALE", LocalDate.now().minusMonths(2), CheckupUploads.items()))));
        UUID suspended = UUID.randomUUID();
        // each event carries the person's whole current list of numbers: the same number, its linkage in doubt
        QualificationEvents.publish(suspended, Instant.now(), person, true, held);
        persons.awaitProjected(person, suspended);
        String body = given().auth().oauth2(Tokens.patient(person)).get(ME).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo(OwnRecords.SUSPENDED)).extract().asString();
        assertFalse(body.contains("examinedOn"), "nothing of the records");

        UUID cleared = UUID.randomUUID();
        QualificationEvents.publish(cleared, Instant.now().plusMillis(1), person, false, held);
        persons.awaitProjected(person, cleared);
        given().auth().oauth2(Tokens.patient(person)).get(ME).then().statusCode(200)
                .body("checkups.size()", equalTo(1));
    }

    @Test
    void onlyAPatientTokenWithAValidPersonIdReads() {
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(ME).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.withRoles("patient")).get(ME).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.withClaim("patient", "person_id", "not-a-uuid")).get(ME).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().get(ME).then().statusCode(401);
    }
}
