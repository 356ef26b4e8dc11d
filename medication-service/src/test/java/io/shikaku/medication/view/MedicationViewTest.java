package io.shikaku.medication.view;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shikaku.common.access.ViewingAccess;
import io.shikaku.common.event.Topics;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.testing.AdjustableClock;
import io.shikaku.common.testing.ConsentEvents;
import io.shikaku.common.testing.FakeEligibility;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.RecordViews;
import io.shikaku.common.testing.Tokens;
import io.shikaku.medication.support.Db;
import io.shikaku.medication.support.Dispensings;
import io.shikaku.medication.support.PersonEvents;

@QuarkusTest
@WithTestResource(value = FakeEligibility.class, scope = TestResourceScope.GLOBAL)
class MedicationViewTest {

    private static final String CLINIC = "1310123458";
    private static final String OTHER_CLINIC = "2710123452";
    private static final AtomicInteger LINES = new AtomicInteger();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdjustableClock clock;

    private Db db;
    private ConsentEvents consents;

    @BeforeEach
    void consumersAttached() {
        db = new Db(dataSource);
        consents = new ConsentEvents(dataSource);
        consents.awaitConsumerAttached();
        new PersonEvents(db).awaitConsumerAttached();
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void aViewRightAfterTheCardCheckSucceedsBeforeTheConsentEventArrivesNewestFirstWithoutFacilities() {
        UUID person = UUID.randomUUID();
        LocalDate today = LocalDate.now(CalendarDates.JAPAN);
        dispensing(person, today.minusDays(40), Dispensings.AMLODIPINE, 30);
        dispensing(person, today.minusDays(2), Dispensings.LOXOPROFEN, 5);
        dispensing(person, today.minusYears(4), Dispensings.LOXOPROFEN, 5);
        FakeEligibility.grant(CLINIC, person, true, true, Instant.now().plus(Duration.ofHours(24)));
        String token = Tokens.clinic(CLINIC);

        String body = given().auth().oauth2(token).get(path(person)).then().statusCode(200)
                .body("personId", equalTo(person.toString()))
                .body("dispensings.dispensedOn", equalTo(List.of(today.minusDays(2).toString(),
                        today.minusDays(40).toString())))
                .body("dispensings[0].drugCode", equalTo(Dispensings.LOXOPROFEN))
                .body("dispensings[0].days", equalTo(5))
                .body("dispensings[0].setting", equalTo("OUTPATIENT"))
                .body("dispensings[0].usage", nullValue())
                .extract().asString();
        assertTrue(FakeEligibility.askedWith(token), "eligibility was asked with the caller's own token");
        assertFalse(body.contains(Dispensings.PHARMACY), "no dispensing facility code");
        assertFalse(body.contains(Dispensings.CLINIC), "no prescribing facility code");
        assertFalse(body.toLowerCase().contains("facility"), "no facility field at all");

        FakeEligibility.forget(CLINIC, person);
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person) + "?from=" + today.minusDays(10)).then()
                .statusCode(200).body("dispensings.size()", equalTo(1));
        clock.advance(Duration.ofHours(24));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(404);
    }

    @Test
    void aKeptAnswerForCheckupsOnlyDoesNotHideANewerConsentThatCoversMedication() {
        UUID person = UUID.randomUUID();
        dispensing(person, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, 7);
        FakeEligibility.grant(CLINIC, person, false, true, Instant.now().plus(Duration.ofHours(23)));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(404);
        FakeEligibility.grant(CLINIC, person, true, true, Instant.now().plus(Duration.ofHours(24)));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200);
    }

    @Test
    void whenEligibilityCannotAnswerTheViewIsUnavailableRatherThanNotFound() {
        UUID person = UUID.randomUUID();
        FakeEligibility.failFor(person);
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(503)
                .header("Retry-After", equalTo("2")).body("code", equalTo("UNAVAILABLE"));
    }

    @Test
    void anUnreadableAnswerFromEligibilityIsUnavailableToo() {
        UUID person = UUID.randomUUID();
        FakeEligibility.garbleFor(person);
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(503)
                .body("code", equalTo("UNAVAILABLE"));
    }

    @Test
    void anotherFacilityGetsTheSame404AsForAPersonThatDoesNotExist() {
        UUID person = UUID.randomUUID();
        dispensing(person, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, 7);
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, true, true, Instant.now()));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200);

        JsonPath other = given().auth().oauth2(Tokens.clinic(OTHER_CLINIC)).get(path(person)).then()
                .statusCode(404).extract().jsonPath();
        JsonPath nobody = given().auth().oauth2(Tokens.clinic(OTHER_CLINIC)).get(path(UUID.randomUUID())).then()
                .statusCode(404).extract().jsonPath();
        assertEquals(nobody.getString("code"), other.getString("code"));
        assertEquals(ViewingAccess.NOT_FOUND, other.getString("detail"));
        assertEquals(nobody.getString("detail"), other.getString("detail"));
        assertEquals(nobody.getString("title"), other.getString("title"));
    }

    @Test
    void theSameFacilityAfterTwentyFourHoursGets404() {
        UUID person = UUID.randomUUID();
        dispensing(person, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, 7);
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, true, false, Instant.now()));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200);
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void consentToCheckupsOnlyOpensNoMedication() {
        UUID person = UUID.randomUUID();
        dispensing(person, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, 7);
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, false, true, Instant.now()));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(404);
    }

    @Test
    void aPersonWhoseLinkageIsInDoubtIsNeverShown() {
        UUID person = UUID.randomUUID();
        dispensing(person, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, 7);
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, true, true, Instant.now()));
        PersonEvents persons = new PersonEvents(db);
        persons.awaitHandled(PersonEvents.publish(person, true, List.of()));
        FakeEligibility.grant(CLINIC, person, true, true, Instant.now().plus(Duration.ofHours(24)));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(404)
                .body("detail", equalTo(ViewingAccess.NOT_FOUND));
        persons.awaitHandled(PersonEvents.publish(person, false, List.of()));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200);
    }

    @Test
    void everyViewIsPublishedOnRecordViewsWithWhoWhatAndWhy() {
        UUID person = UUID.randomUUID();
        dispensing(person, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, 7);
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, true, false, Instant.now()));
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.RECORD_VIEWS)) {
            given().auth().oauth2(Tokens.emergencyStaff(CLINIC, "DOCTOR")).get(path(person)).then().statusCode(200);
            ConsumerRecord<String, String> viewed = watch.await(r -> person.toString().equals(r.key()));
            RecordViews.assertConsentView(viewed, "medication-service", person, CLINIC, "emergency-" + CLINIC,
                    "DOCTOR", "MEDICATION");
            System.out.println("record-views event: " + viewed.value());
        }
        given().auth().oauth2(Tokens.clinic(OTHER_CLINIC)).get(path(person)).then().statusCode(404);
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE record_key = ?", person.toString()),
                "a refused view is not recorded");
    }

    @Test
    void theDuplicateCheckFindsAnActiveSameIngredientDrugAndIgnoresAFinishedOne() {
        UUID person = UUID.randomUUID();
        LocalDate start = LocalDate.of(2026, 3, 1);
        dispensing(person, start.minusDays(6), Dispensings.LOXOPROFEN, 7);
        dispensing(person, start.minusDays(7), Dispensings.LOXOPROFEN, 7);
        dispensing(person, start.minusDays(1), Dispensings.AMLODIPINE, 30);
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, true, false, Instant.now()));

        given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.JSON)
                .body(Map.of("startOn", start.toString(), "drugs", List.of(Map.of("drugCode",
                        Dispensings.LOXOPROFEN_GENERIC))))
                .post(path(person) + "/duplicate-check").then().statusCode(200)
                .body("overlapping.size()", equalTo(1))
                .body("overlapping[0].plannedDrugCode", equalTo(Dispensings.LOXOPROFEN_GENERIC))
                .body("overlapping[0].ingredientCode", equalTo("1149019"))
                .body("overlapping[0].dispensing.dispensedOn", equalTo(start.minusDays(6).toString()))
                .body("overlapping[0].lastDay", equalTo(start.toString()));
        given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.JSON)
                .body(Map.of("startOn", start.toString(), "drugs", List.of(Map.of("drugCode", "bad"))))
                .post(path(person) + "/duplicate-check").then().statusCode(400)
                .body("errors[0].field", equalTo("drugs[0].drugCode"));
        given().auth().oauth2(Tokens.clinic(OTHER_CLINIC)).contentType(ContentType.JSON)
                .body(Map.of("startOn", start.toString(), "drugs", List.of(Map.of("drugCode",
                        Dispensings.LOXOPROFEN))))
                .post(path(person) + "/duplicate-check").then().statusCode(404);
    }

    @Test
    void onlyClinicsAndEmergencyStaffOfAFacilityMayView() {
        given().auth().oauth2(Tokens.claimsFeed()).get(path(UUID.randomUUID())).then().statusCode(403);
        given().auth().oauth2(Tokens.withRoles("clinic")).get(path(UUID.randomUUID())).then().statusCode(403);
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(UUID.randomUUID()) + "?from=2026-13-01").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void aDisasterGrantLetsThatFacilityAloneViewUntilItExpiresAndEachViewSaysDisasterAndTheProfession() {
        UUID person = UUID.randomUUID();
        dispensing(person, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, 7);
        Instant issued = Instant.now();
        consents.awaitProjected(ConsentEvents.publish(person, CLINIC, true, true, issued,
                issued.plus(Duration.ofHours(8)), "DISASTER"));
        String doctor = Tokens.emergencyStaff("emergency-doctor-" + person, CLINIC, "DOCTOR");
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.RECORD_VIEWS)) {
            given().auth().oauth2(doctor).get(path(person)).then().statusCode(200)
                    .body("dispensings.size()", equalTo(1));
            RecordViews.assertView(watch.await(r -> person.toString().equals(r.key())), "medication-service", person,
                    CLINIC, "emergency-doctor-" + person, "DOCTOR", "MEDICATION", "DISASTER");
        }
        given().auth().oauth2(Tokens.clinic(CLINIC)).get(path(person)).then().statusCode(200);
        given().auth().oauth2(Tokens.emergencyStaff(OTHER_CLINIC, "DOCTOR")).get(path(person)).then()
                .statusCode(404).body("detail", equalTo(ViewingAccess.NOT_FOUND));
        clock.advance(Duration.ofHours(8));
        given().auth().oauth2(doctor).get(path(person)).then().statusCode(404)
                .body("detail", equalTo(ViewingAccess.NOT_FOUND));
    }

    @Test
    void aViewRightAfterAnEmergencyLookupIsAllowedByEligibilitysAnswerAndRecordedWithItsBasis() {
        UUID person = UUID.randomUUID();
        dispensing(person, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, 7);
        FakeEligibility.grant(CLINIC, person, true, true, Instant.now().plus(Duration.ofHours(8)), "EMERGENCY");
        String dentist = Tokens.emergencyStaff("emergency-dentist-" + person, CLINIC, "DENTIST");
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.RECORD_VIEWS)) {
            given().auth().oauth2(dentist).get(path(person)).then().statusCode(200);
            RecordViews.assertView(watch.await(r -> person.toString().equals(r.key())), "medication-service", person,
                    CLINIC, "emergency-dentist-" + person, "DENTIST", "MEDICATION", "EMERGENCY");
        }
        assertTrue(FakeEligibility.askedWith(dentist), "eligibility was asked with the staff member's own token");
    }

    private static String path(UUID person) {
        return "/api/v1/persons/" + person + "/medications";
    }

    private void dispensing(UUID person, LocalDate on, String drugCode, int days) {
        db.update("INSERT INTO dispensing (batch_id, line, insurer_number, symbol, number, symbol_key, number_key,"
                + " branch, dispensed_on, prescribed_on, drug_code, drug_name, ingredient, quantity, unit, days, setting,"
                + " dispensing_facility_code, prescribing_facility_code, person_id) VALUES (?, ?, '06130017', '1234',"
                + " ?, '1234', ?, '00', ?, ?, ?, '薬', '成分', 3, '錠', ?, 'OUTPATIENT', ?, ?, ?)",
                UUID.randomUUID(), LINES.incrementAndGet(), person.toString(), person.toString(), on, on, drugCode,
                days, Dispensings.PHARMACY, Dispensings.CLINIC, person);
    }
}
