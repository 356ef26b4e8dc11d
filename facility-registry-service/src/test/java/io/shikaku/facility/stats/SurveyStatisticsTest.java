package io.shikaku.facility.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.Tokens;

@QuarkusTest
class SurveyStatisticsTest {

    @BeforeAll
    static void threeFacilitiesAnswered() {
        DemoMasterTable.execute("TRUNCATE survey_response");
        DemoMasterTable.execute("INSERT INTO facility (facility_code, type, prefecture, name) VALUES"
                + " ('0110113719', 'MEDICAL_CLINIC', '01', 'Sapporo Demo Clinic'),"
                + " ('1310123458', 'HOSPITAL', '13', 'Shinjuku Demo Hospital'),"
                + " ('1330123454', 'DENTAL_CLINIC', '13', 'Shinjuku Demo Dental Clinic') ON CONFLICT DO NOTHING");
        DemoMasterTable.execute("INSERT INTO survey_response (facility_code, done_steps, expected_go_live, obstacles,"
                + " initial_cost, monthly_cost, answered_at) VALUES"
                + " ('0110113719', '{NOTHING_YET}', 'NOT_IN_TIME', '{NO_VENDOR_FOUND}', 3000000, 30000,"
                + "  '2021-06-01T00:00:00Z'),"
                + " ('0110113719', '{QUOTE_OBTAINED,READER_APPLIED}', 'IN_TIME', '{READER_OUT_OF_STOCK}', 1000000,"
                + "  10000, '2021-09-01T00:00:00Z'),"
                + " ('1310123458', '{READER_APPLIED,READER_APPLIED}', 'IN_TIME', '{READER_OUT_OF_STOCK,NO_FIBRE}',"
                + "  2000000, 20000, '2021-09-02T00:00:00Z'),"
                + " ('1330123454', '{LIVE}', 'ALREADY', '{}', NULL, NULL, '2021-09-03T00:00:00Z')");
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
                .body("expectedGoLive.option", contains("IN_TIME", "ALREADY"))
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
