package io.shikaku.checkup.view;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shikaku.checkup.support.CheckupUploads;
import io.shikaku.checkup.support.QualificationEvents;
import io.shikaku.checkup.support.QualificationEvents.Numbers;
import io.shikaku.common.access.ViewingAccess;
import io.shikaku.common.event.Topics;
import io.shikaku.common.testing.AdjustableClock;
import io.shikaku.common.testing.ConsentEvents;
import io.shikaku.common.testing.FakeEligibility;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.RecordViews;
import io.shikaku.common.testing.Tokens;

/**
 * A facility sees a person's checkups only with the person's live consent to checkups for that facility (DOMAIN.md §4,
 * §7; common's access rule): at once after the card check, never for another facility, after 24 hours, for a consent
 * to medication only, or for a person whose linkage is in doubt; and every view is recorded on record-views.
 */
@QuarkusTest
@WithTestResource(value = FakeEligibility.class, scope = TestResourceScope.GLOBAL)
class CheckupViewTest {

    private static final String INSURER = "06130017";
    private static final String CLINIC = "1310123458";
    private static final String OTHER_CLINIC = "2710123452";

    @Inject
    AgroalDataSource db;

    @Inject
    AdjustableClock clock;

    private QualificationEvents persons;
    private ConsentEvents consents;

    @BeforeEach
    void consumersAttached() {
        persons = new QualificationEvents(db);
        persons.awaitConsumerAttached();
        consents = new ConsentEvents(db);
        consents.awaitConsumerAttached();
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void aViewRightAfterTheCardCheckShowsTheCheckupsNewestFirstWithTheirCodesBmiAndJudgement() {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        persons.cover(person, List.of(new Numbers(INSURER, "12", number, "00", LocalDate.of(2020, 4, 1), null)));
        LocalDate earlier = LocalDate.now().minusYears(1);
        LocalDate later = LocalDate.now().minusMonths(1);
        Map<String, Object> risky = CheckupUploads.items();
        risky.put("triglycerides", Map.of("value", 160, "code", "3F015000002327201", "unit", "mg/dL"));
        risky.put("systolic", 135);
        risky.put("urineProtein", "TRACE");
        CheckupUploads.awaitCompleted(CheckupUploads.submit(INSURER, null, List.of(
                CheckupUploads.record("12", number, "00", "MALE", earlier, CheckupUploads.items()),
                CheckupUploads.record("12", number, "00", "MALE", later, risky))));
        FakeEligibility.grant(CLINIC, person, false, true, Instant.now().plus(Duration.ofHours(24)));
        String token = Tokens.clinic(CLINIC);

        given().auth().oauth2(token).get(path(person)).then().statusCode(200)
                .body("personId", equalTo(person.toString()))
                .body("checkups.examinedOn", equalTo(List.of(later.toString(), earlier.toString())))
                .body("checkups[0].metabolicSyndrome", equalTo("MEETS_CRITERIA"))
                .body("checkups[0].items.triglycerides.value", equalTo(160))
                .body("checkups[0].items.triglycerides.code", equalTo("3F015000002327201"))
                .body("checkups[0].items.triglycerides.unit", equalTo("mg/dL"))
                .body("checkups[0].items.urineProtein.value", equalTo("TRACE"))
                .body("checkups[0].items.urineProtein.unit", nullValue())
                .body("checkups[1].metabolicSyndrome", equalTo("NOT_APPLICABLE"))
                .body("checkups[1].items.heightCm.code", equalTo("9N001000000000001"))
                .body("checkups[1].items.bmi.value", equalTo(24.2f))
                .body("checkups[1].items.bmi.code", equalTo("9N011000000000001"))
                .body("checkups[1].items.bmi.computed", equalTo(true))
                .body("checkups[1].items.waistCm.computed", nullValue());
        assertTrue(FakeEligibility.askedWith(token), "eligibility was asked with the caller's own token");
    }

    @Test
    void aCheckupSentBeforeItsPersonsCoverageAppearsOnceInThatPersonsViewWhenTheCoverageArrives() {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        LocalDate examined = LocalDate.now().minusMonths(3);
        List<Map<String, Object>> sent = List.of(
                CheckupUploads.record("8", number, "00", "FEMALE", examined, CheckupUploads.items()));
        CheckupUploads.awaitCompleted(CheckupUploads.submit(INSURER, null, sent));
        CheckupUploads.awaitCompleted(CheckupUploads.submit(INSURER, null, sent)); // sent again, without a key
        FakeEligibility.grant(CLINIC, person, false, true, Instant.now().plus(Duration.ofHours(24)));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200)
                .body("checkups.size()", equalTo(0));

        persons.cover(person, List.of(new Numbers(INSURER, "8", number, "00", LocalDate.of(2020, 4, 1), null)));

        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200)
                .body("checkups.examinedOn", equalTo(List.of(examined.toString())));
    }

    @Test
    void aNumberMovedToAnotherPersonTakesItsCheckupsToThatPersonsView() {
        UUID former = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        LocalDate examined = LocalDate.now().minusMonths(4);
        persons.cover(former, List.of(new Numbers(INSURER, "9", number, "00", LocalDate.of(2020, 4, 1), null)));
        CheckupUploads.awaitCompleted(CheckupUploads.submit(INSURER, null, List.of(
                CheckupUploads.record("9", number, "00", "MALE", examined, CheckupUploads.items()))));
        FakeEligibility.grant(CLINIC, former, false, true, Instant.now().plus(Duration.ofHours(24)));
        FakeEligibility.grant(CLINIC, next, false, true, Instant.now().plus(Duration.ofHours(24)));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(former)).then().statusCode(200)
                .body("checkups.examinedOn", equalTo(List.of(examined.toString())));

        persons.cover(next, List.of(new Numbers(INSURER, "9", number, "00", LocalDate.of(2020, 4, 1), null)));
        persons.cover(former, List.of());

        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(former)).then().statusCode(200)
                .body("checkups.size()", equalTo(0));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(next)).then().statusCode(200)
                .body("checkups.examinedOn", equalTo(List.of(examined.toString())));
    }

    @Test
    void anotherFacilityGetsTheSame404AsForAPersonThatDoesNotExist() {
        UUID person = UUID.randomUUID();
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, true, true, Instant.now()));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200)
                .body("checkups.size()", equalTo(0));

        JsonPath other = given().auth().oauth2(Tokens.clinic(OTHER_CLINIC)).get(path(person)).then()
                .statusCode(404).extract().jsonPath();
        JsonPath nobody = given().auth().oauth2(Tokens.clinic(OTHER_CLINIC)).get(path(UUID.randomUUID())).then()
                .statusCode(404).extract().jsonPath();
        assertEquals(ViewingAccess.NOT_FOUND, other.getString("detail"));
        assertEquals(nobody.getString("code"), other.getString("code"));
        assertEquals(nobody.getString("title"), other.getString("title"));
        assertEquals(nobody.getString("detail"), other.getString("detail"));
    }

    @Test
    void theSameFacilityAfterTwentyFourHoursGets404() {
        UUID person = UUID.randomUUID();
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, false, true, Instant.now()));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200);
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aConsentToMedicationOnlyOpensNoCheckups() {
        UUID person = UUID.randomUUID();
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, true, false, Instant.now()));
        FakeEligibility.grant(CLINIC, person, true, false, Instant.now().plus(Duration.ofHours(24)));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(404)
                .body("detail", equalTo(ViewingAccess.NOT_FOUND));
    }

    @Test
    void aPersonWhoseLinkageIsInDoubtIsNeverShown() {
        UUID person = UUID.randomUUID();
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, true, true, Instant.now()));
        FakeEligibility.grant(CLINIC, person, true, true, Instant.now().plus(Duration.ofHours(24)));
        UUID suspended = UUID.randomUUID();
        QualificationEvents.publish(suspended, Instant.now(), person, true, List.of());
        persons.awaitProjected(person, suspended);
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(404)
                .body("detail", equalTo(ViewingAccess.NOT_FOUND));

        UUID cleared = UUID.randomUUID();
        QualificationEvents.publish(cleared, Instant.now().plusMillis(1), person, false, List.of());
        persons.awaitProjected(person, cleared);
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200);
    }

    @Test
    void everyAnsweredViewPublishesOneRecordViewsEventAndARefusedOneNone() {
        UUID person = UUID.randomUUID();
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, false, true, Instant.now()));
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.RECORD_VIEWS)) {
            given().auth().oauth2(Tokens.emergencyStaff(CLINIC, "DOCTOR")).get(path(person)).then().statusCode(200);
            ConsumerRecord<String, String> viewed = watch.await(r -> person.toString().equals(r.key()));
            RecordViews.assertConsentView(viewed, "checkup-service", person, CLINIC, "emergency-" + CLINIC, "DOCTOR",
                    "CHECKUP");
        }
        given().auth().oauth2(Tokens.clinic(OTHER_CLINIC)).get(path(person)).then().statusCode(404);
        assertEquals(1, persons.count("SELECT count(*) FROM outbox WHERE topic = ? AND record_key = ?",
                Topics.RECORD_VIEWS, person.toString()), "one event for the view, none for the refusal");
    }

    @Test
    void anEmergencyGrantLetsThatFacilityAloneViewUntilItExpiresAndEachViewSaysEmergencyAndTheProfession() {
        UUID person = UUID.randomUUID();
        Instant issued = Instant.now();
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, true, true, issued,
                issued.plus(Duration.ofHours(8)), "EMERGENCY"));
        String pharmacist = Tokens.emergencyStaff("emergency-pharmacist-" + person, CLINIC, "PHARMACIST");
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.RECORD_VIEWS)) {
            given().auth().oauth2(pharmacist).get(path(person)).then().statusCode(200);
            RecordViews.assertView(watch.await(r -> person.toString().equals(r.key())), "checkup-service", person,
                    CLINIC, "emergency-pharmacist-" + person, "PHARMACIST", "CHECKUP", "EMERGENCY");
        }
        given().auth().oauth2(Tokens.emergencyStaff(OTHER_CLINIC, "DOCTOR")).get(path(person)).then()
                .statusCode(404);
        clock.advance(Duration.ofHours(8));
        given().auth().oauth2(pharmacist).get(path(person)).then().statusCode(404);
    }

    @Test
    void onlyClinicsAndEmergencyStaffOfAFacilityMayView() {
        given().auth().oauth2(Tokens.insurer(INSURER)).get(path(UUID.randomUUID())).then().statusCode(403);
        given().auth().oauth2(Tokens.withRoles("clinic")).get(path(UUID.randomUUID())).then().statusCode(403);
        given().get(path(UUID.randomUUID())).then().statusCode(401);
    }

    private static String path(UUID person) {
        return "/api/v1/persons/" + person + "/checkups";
    }
}
