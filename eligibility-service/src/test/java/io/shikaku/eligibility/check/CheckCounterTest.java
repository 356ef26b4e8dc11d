package io.shikaku.eligibility.check;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.CheckCounts;
import io.shikaku.eligibility.support.Fixtures;
import io.shikaku.eligibility.support.LifecycleEvents;

/** The usage figures of DOMAIN.md §10 as they happen: committed checks counted by method, facility type, validity. */
@QuarkusTest
class CheckCounterTest {

    /** Fee-table kind 4: a pharmacy. */
    private static final String PHARMACY = "1340123452";

    @Inject
    AgroalDataSource db;

    @Test
    void everyMethodTypeAndValidityHasItsSeriesFromTheStart() {
        assertEquals(true, CheckCounts.series() >= 3 * 4 * 5, "3 methods × 4 types × 5 validities");
    }

    @Test
    void aRecordedCheckCountsUnderItsMethodFacilityTypeAndValidity() {
        new Fixtures(db).liveFacility(PHARMACY);
        double before = CheckCounts.of("INSURANCE_CARD", "PHARMACY", "NOT_FOUND");
        given().auth().oauth2(Tokens.clinic(PHARMACY)).contentType(ContentType.JSON)
                .body(CheckResourceTest.cardNumbers("06130017", "1234", Fixtures.freshNumber(), "00", "1970-01-01"))
                .post("/api/v1/eligibility/checks").then().statusCode(200);
        assertEquals(before + 1, CheckCounts.of("INSURANCE_CARD", "PHARMACY", "NOT_FOUND"));
    }

    @Test
    void aRefusedCheckCountsNothing() {
        double before = total();
        given().auth().oauth2(Tokens.clinic(LifecycleEvents.freshCode())).contentType(ContentType.JSON)
                .body(CheckResourceTest.cardNumbers("06130017", "1234", Fixtures.freshNumber(), "00", "1970-01-01"))
                .post("/api/v1/eligibility/checks").then().statusCode(403);
        assertEquals(before, total());
    }

    private static double total() {
        return given().get("/q/metrics").then().extract().asString().lines()
                .filter(l -> l.startsWith("shikaku_eligibility_checks_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
