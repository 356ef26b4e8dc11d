package io.shikaku.facility.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.Tokens;

@QuarkusTest
class SurveyStatisticsTest {

    @BeforeEach
    void threeFacilitiesAnswered() {
        DemoMasterTable.execute("TRUNCATE survey_response");
        DemoMasterTable.execute("INSERT INTO facility (facility_code, type, prefecture, name) VALUES"
                + " ('0110113719', 'MEDICAL_CLINIC', '01', 'Sapporo Demo Clinic'),"
                + " ('1310123458', 'HOSPITAL', '13', 'Shinjuku Demo Hospital'),"
                + " ('1330123454', 'DENTAL_CLINIC', '13', 'Shinjuku Demo Dental Clinic') ON CONFLICT DO NOTHING");
        answer("0110113719", "{\"doneSteps\":[\"NOTHING_YET\"],\"expectedGoLive\":\"NOT_IN_TIME\","
                + "\"obstacles\":[\"NO_VENDOR_FOUND\"],\"initialCostQuote\":3000000,\"monthlyCostQuote\":30000}");
        answer("0110113719", "{\"doneSteps\":[\"QUOTE_OBTAINED\",\"READER_APPLIED\"],"
                + "\"expectedGoLive\":\"IN_TIME_FOR_APRIL_2023\",\"obstacles\":[\"READER_OUT_OF_STOCK\"],"
                + "\"initialCostQuote\":1000000,\"monthlyCostQuote\":10000}");
        answer("1310123458", "{\"doneSteps\":[\"READER_APPLIED\"],\"expectedGoLive\":\"IN_TIME_FOR_APRIL_2023\","
                + "\"obstacles\":[\"READER_OUT_OF_STOCK\",\"NO_FIBRE\"],\"initialCostQuote\":2000000,"
                + "\"monthlyCostQuote\":20000}");
        answer("1330123454", "{\"doneSteps\":[\"LIVE\"],\"expectedGoLive\":\"ALREADY_LIVE\",\"obstacles\":[]}");
    }

    /** Answers the survey as the facility's administrator does, through the survey endpoint. */
    private static void answer(String facilityCode, String body) {
        given().auth().oauth2(Tokens.facilityAdmin(facilityCode)).contentType("application/json").body(body)
                .post("/api/v1/facilities/" + facilityCode + "/survey-responses").then().statusCode(201);
    }

    @AfterAll
    static void empty() {
        DemoMasterTable.execute("TRUNCATE survey_response");
        DemoMasterTable.empty();
    }

    @Test
    void eachOptionIsAPercentOfRespondentsWithAFacilitysLatestAnswerStandingForIt() {
        given().auth().oauth2(Tokens.portalAdmin()).get("/api/v1/stats/survey").then().statusCode(200)
                .body("respondents", equalTo(3))
                .body("doneSteps.option", contains("READER_APPLIED", "LIVE", "QUOTE_OBTAINED"))
                .body("doneSteps.respondents", contains(2, 1, 1))
                .body("doneSteps.percent", contains(66.7f, 33.3f, 33.3f))
                .body("expectedGoLive.option", contains("IN_TIME_FOR_APRIL_2023", "ALREADY_LIVE"))
                .body("expectedGoLive.percent", contains(66.7f, 33.3f))
                .body("obstacles.option", contains("READER_OUT_OF_STOCK", "NO_FIBRE"))
                .body("obstacles.percent", contains(66.7f, 33.3f))
                .body("initialCost.answered", equalTo(2))
                .body("initialCost.median", equalTo(1_500_000))
                .body("initialCost.mean", equalTo(1_500_000))
                .body("monthlyCost.median", equalTo(15_000));
    }

    @Test
    void aFacilityAdministratorMayNotReadTheSurveysAnswers() {
        given().auth().oauth2(Tokens.facilityAdmin("0110113719")).get("/api/v1/stats/survey").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
    }
}
