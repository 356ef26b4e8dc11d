package io.shikaku.medication.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.demo.DemoDataLoader;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.testing.Tokens;
import io.shikaku.medication.support.Db;
import io.shikaku.medication.support.Dispensings;
import io.shikaku.medication.support.FacilityEvents;

/** The run command's demo data: the demo persons' projection, their dispensings, and patient-demo's own view. */
@QuarkusTest
class DemoDataTest {

    private static final UUID YAMADA = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DemoDataLoader demo;

    @Test
    void theDemoPersonsProjectionLetsTheDemoDispensingsAttach() {
        demo.load();
        assertEquals(0, demo.load(), "a second start applies nothing");
        Db db = new Db(dataSource);
        assertEquals(5, db.count("SELECT count(*) FROM insured_number WHERE person_id IN"
                + " (SELECT id FROM person WHERE state_time = 'epoch')"));
        var record = Dispensings.record("5678", LocalDate.now(CalendarDates.JAPAN).minusDays(2), Dispensings.LOXOPROFEN,
                7);
        String batch = Dispensings.submitAndComplete(List.of(record));
        assertEquals(1, db.count("SELECT count(*) FROM dispensing WHERE batch_id = ? AND person_id = ?",
                UUID.fromString(batch), YAMADA));

        // patient-demo (the realm's person_id of 山田 太郎) sees them with the names the demo master's import publishes
        FacilityEvents facilities = new FacilityEvents(db);
        facilities.awaitConsumerAttached();
        facilities.awaitHandled(FacilityEvents.publish(Dispensings.PHARMACY, "Shinjuku Demo Pharmacy", Instant.now()));
        facilities.awaitHandled(FacilityEvents.publish(Dispensings.CLINIC, "Sapporo Demo Clinic", Instant.now()));
        given().auth().oauth2(Tokens.patient(YAMADA)).get("/api/v1/me/medications").then().statusCode(200)
                .body("dispensings.size()", greaterThan(0))
                .body("dispensings.dispensingFacilityName", everyItem(equalTo("Shinjuku Demo Pharmacy")))
                .body("dispensings.prescribingFacilityName", everyItem(equalTo("Sapporo Demo Clinic")));
    }
}
