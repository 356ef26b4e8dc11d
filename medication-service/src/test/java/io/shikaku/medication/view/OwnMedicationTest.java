package io.shikaku.medication.view;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.event.Topics;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.own.OwnRecords;
import io.shikaku.common.testing.ConsentEvents;
import io.shikaku.common.testing.FakeEligibility;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;
import io.shikaku.medication.support.Db;
import io.shikaku.medication.support.Dispensings;
import io.shikaku.medication.support.FacilityEvents;
import io.shikaku.medication.support.PersonEvents;

/** The patient's own medication (GET /api/v1/me/medications): their dispensings with the master's facility names. */
@QuarkusTest
@WithTestResource(value = FakeEligibility.class, scope = TestResourceScope.GLOBAL)
class OwnMedicationTest {

    private static final String ME = "/api/v1/me/medications";
    private static final AtomicInteger LINES = new AtomicInteger(1_000_000);

    @Inject
    AgroalDataSource dataSource;

    private Db db;
    private FacilityEvents facilities;

    @BeforeEach
    void consumersAttached() {
        db = new Db(dataSource);
        facilities = new FacilityEvents(db);
        facilities.awaitConsumerAttached();
        new PersonEvents(db).awaitConsumerAttached();
    }

    @Test
    void thePatientSeesOwnDispensingsNewestFirstWithTheNamesTheFacilityMasterPublished() {
        UUID person = UUID.randomUUID();
        String pharmacy = FacilityEvents.freshCode();
        String clinic = FacilityEvents.freshCode();
        facilities.awaitHandled(FacilityEvents.publish(pharmacy, "Ekimae Pharmacy", Instant.now()));
        facilities.awaitHandled(FacilityEvents.publish(clinic, "Kita Clinic", Instant.now()));
        LocalDate today = LocalDate.now(CalendarDates.JAPAN);
        dispensing(person, today.minusDays(40), Dispensings.AMLODIPINE, pharmacy, clinic);
        dispensing(person, today.minusDays(2), Dispensings.LOXOPROFEN, pharmacy, clinic);
        dispensing(person, today.minusYears(4), Dispensings.LOXOPROFEN, pharmacy, clinic);

        given().auth().oauth2(Tokens.patient(person)).get(ME).then().statusCode(200)
                .body("personId", equalTo(person.toString()))
                .body("dispensings.dispensedOn", equalTo(List.of(today.minusDays(2).toString(),
                        today.minusDays(40).toString())))
                .body("dispensings[0].drugCode", equalTo(Dispensings.LOXOPROFEN))
                .body("dispensings[0].days", equalTo(7))
                .body("dispensings[0].setting", equalTo("OUTPATIENT"))
                .body("dispensings[0].dispensingFacilityCode", equalTo(pharmacy))
                .body("dispensings[0].dispensingFacilityName", equalTo("Ekimae Pharmacy"))
                .body("dispensings[0].prescribingFacilityCode", equalTo(clinic))
                .body("dispensings[0].prescribingFacilityName", equalTo("Kita Clinic"));
        given().auth().oauth2(Tokens.patient(person)).get(ME + "?from=" + today.minusDays(10) + "&to=" + today)
                .then().statusCode(200).body("dispensings.dispensedOn", equalTo(List.of(today.minusDays(2)
                        .toString())));
    }

    @Test
    void aRenamedFacilityShowsItsNewNameAndAnOlderOrNamelessEventChangesNothing() {
        UUID person = UUID.randomUUID();
        String pharmacy = FacilityEvents.freshCode();
        Instant named = Instant.now();
        facilities.awaitHandled(FacilityEvents.publish(pharmacy, "Old Name Pharmacy", named));
        dispensing(person, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, pharmacy, pharmacy);
        given().auth().oauth2(Tokens.patient(person)).get(ME).then().statusCode(200)
                .body("dispensings[0].dispensingFacilityName", equalTo("Old Name Pharmacy"));

        facilities.awaitHandled(FacilityEvents.publish(pharmacy, "New Name Pharmacy", named.plusSeconds(60)));
        given().auth().oauth2(Tokens.patient(person)).get(ME).then().statusCode(200)
                .body("dispensings[0].dispensingFacilityName", equalTo("New Name Pharmacy"))
                .body("dispensings[0].prescribingFacilityName", equalTo("New Name Pharmacy"));

        facilities.awaitHandled(FacilityEvents.publish(pharmacy, "Old Name Pharmacy", named.plusSeconds(30)));
        facilities.awaitHandled(FacilityEvents.publish(pharmacy, null, named.plusSeconds(90)));
        given().auth().oauth2(Tokens.patient(person)).get(ME).then().statusCode(200)
                .body("dispensings[0].dispensingFacilityName", equalTo("New Name Pharmacy"));
    }

    @Test
    void aFacilityTheMasterHasNotNamedShowsItsCodeAndANullNameNeverTheFeeds() {
        UUID person = UUID.randomUUID();
        String unnamed = FacilityEvents.freshCode();
        dispensing(person, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, unnamed, unnamed);
        given().auth().oauth2(Tokens.patient(person)).get(ME).then().statusCode(200)
                .body("dispensings[0].dispensingFacilityCode", equalTo(unnamed))
                .body("dispensings[0].dispensingFacilityName", nullValue())
                .body("dispensings[0].prescribingFacilityName", nullValue());
    }

    @Test
    void aPatientTokenReadsOnlyItsOwnPersonsDispensings() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String pharmacy = FacilityEvents.freshCode();
        dispensing(a, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, pharmacy, pharmacy);
        dispensing(b, LocalDate.of(2026, 2, 20), Dispensings.AMLODIPINE, pharmacy, pharmacy);

        given().auth().oauth2(Tokens.patient(b)).get(ME).then().statusCode(200)
                .body("personId", equalTo(b.toString()))
                .body("dispensings.drugCode", equalTo(List.of(Dispensings.AMLODIPINE)));
        given().auth().oauth2(Tokens.patient(b)).get(ME + "?personId=" + a).then().statusCode(200)
                .body("personId", equalTo(b.toString()))
                .body("dispensings.drugCode", equalTo(List.of(Dispensings.AMLODIPINE)));
        given().auth().oauth2(Tokens.patient(b)).get("/api/v1/persons/" + a + "/medications").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.patient(UUID.randomUUID())).get(ME).then().statusCode(200)
                .body("dispensings", empty());
    }

    @Test
    void onlyAPatientTokenWithAValidPersonIdReadsAndBadDatesAreRefusedAsForAFacility() {
        given().auth().oauth2(Tokens.clinic("1310123458")).get(ME).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.withRoles("patient")).get(ME).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.withClaim("patient", "person_id", "not-a-uuid")).get(ME).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().get(ME).then().statusCode(401);
        UUID person = UUID.randomUUID();
        given().auth().oauth2(Tokens.patient(person)).get(ME + "?from=2026-13-01").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.patient(person)).get(ME + "?from=2026-02-01&to=2026-01-01").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void theOwnViewNeedsNoConsentAndPublishesNoRecordView() {
        UUID person = UUID.randomUUID();
        String pharmacy = FacilityEvents.freshCode();
        dispensing(person, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, pharmacy, pharmacy);
        ConsentEvents consents = new ConsentEvents(dataSource);
        consents.awaitConsumerAttached();
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.RECORD_VIEWS)) {
            given().auth().oauth2(Tokens.patient(person)).get(ME).then().statusCode(200)
                    .body("dispensings.size()", equalTo(1));
            // a facility's consented view of the same person afterwards is published: the patient's came first, if any
            consents.awaitProjected(ConsentEvents.publish(person, "1310123458", true, false, Instant.now()));
            given().auth().oauth2(Tokens.clinic("1310123458")).get("/api/v1/persons/" + person + "/medications")
                    .then().statusCode(200);
            watch.await(r -> person.toString().equals(r.key()));
            assertEquals(1, watch.seen().stream().filter(r -> person.toString().equals(r.key())).count(),
                    "only the facility's view is published");
        }
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE record_key = ?", person.toString()),
                "the patient's own view is not recorded");
    }

    @Test
    void whileTheLinkageIsInDoubtThePatientSeesNothingAndIsToldWhy() {
        UUID person = UUID.randomUUID();
        String pharmacy = FacilityEvents.freshCode();
        String number = PersonEvents.freshNumber();
        List<PersonEvents.Qualification> numbers = List.of(PersonEvents.since(number, LocalDate.of(2015, 4, 1)));
        dispensing(person, number, LocalDate.of(2026, 1, 10), Dispensings.LOXOPROFEN, pharmacy, pharmacy);
        PersonEvents persons = new PersonEvents(db);
        persons.awaitHandled(PersonEvents.publish(person, true, numbers));
        String body = given().auth().oauth2(Tokens.patient(person)).get(ME).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo(OwnRecords.SUSPENDED)).extract().asString();
        assertFalse(body.contains(Dispensings.LOXOPROFEN), "nothing of the records");
        persons.awaitHandled(PersonEvents.publish(person, false, numbers));
        given().auth().oauth2(Tokens.patient(person)).get(ME).then().statusCode(200)
                .body("dispensings.size()", equalTo(1));
    }

    private void dispensing(UUID person, LocalDate on, String drugCode, String dispensedAt, String prescribedAt) {
        dispensing(person, "v", on, drugCode, dispensedAt, prescribedAt);
    }

    /** A dispensing attached to {@code person} under card number {@code number} (symbol 1234, branch 00). */
    private void dispensing(UUID person, String number, LocalDate on, String drugCode, String dispensedAt,
            String prescribedAt) {
        db.update("INSERT INTO dispensing (batch_id, line, insurer_number, symbol, number, symbol_key, number_key,"
                + " branch, dispensed_on, prescribed_on, drug_code, drug_name, ingredient, quantity, unit, days, setting,"
                + " dispensing_facility_code, prescribing_facility_code, person_id) VALUES (?, ?, ?, '1234', ?, '1234',"
                + " ?, '00', ?, ?, ?, '薬', '成分', 3, '錠', 7, 'OUTPATIENT', ?, ?, ?)",
                UUID.randomUUID(), LINES.incrementAndGet(), PersonEvents.INSURER, number, number, on, on, drugCode,
                dispensedAt, prescribedAt, person);
    }
}
