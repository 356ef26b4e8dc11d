package io.shikaku.facility.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.Tokens;

@QuarkusTest
class AdoptionStatisticsTest {

    @BeforeAll
    static void loadTheDemoMaster() {
        DemoMasterTable.load();
    }

    @AfterAll
    static void emptyTheMaster() {
        DemoMasterTable.empty();
    }

    @Test
    void theAdoptionTableOfTheReportDateIsSection10sToTheDigit() {
        given().auth().oauth2(Tokens.portalAdmin()).get("/api/v1/stats/adoption?asOf=2021-11-21").then()
                .statusCode(200)
                .body("asOf", equalTo("2021-11-21"))
                .body("byType.type", contains("HOSPITAL", "MEDICAL_CLINIC", "DENTAL_CLINIC", "PHARMACY"))
                .body("byType.facilities", contains(8_230, 89_425, 70_815, 60_732))
                .body("byType.readerApplied", contains(6_391, 39_455, 34_481, 49_083))
                .body("byType.readerAppliedRate", contains(77.7f, 44.1f, 48.7f, 80.8f))
                .body("byType.ready", contains(1_917, 7_722, 5_920, 10_408))
                .body("byType.live", contains(1_406, 4_836, 4_160, 6_992))
                .body("total.type", nullValue())
                .body("total.facilities", equalTo(229_202))
                .body("total.readerApplied", equalTo(129_410))
                .body("total.readerAppliedRate", equalTo(56.5f))
                .body("total.ready", equalTo(25_967))
                .body("total.readyRate", equalTo(11.3f))
                .body("total.live", equalTo(17_394))
                .body("total.liveRate", equalTo(7.6f));
    }

    @Test
    void hospitalsReaderApplicationRatesByPrefectureFallInTheReportsBands() {
        given().auth().oauth2(Tokens.portalAdmin())
                .get("/api/v1/stats/adoption/prefectures?asOf=2021-11-21&type=HOSPITAL").then()
                .statusCode(200)
                .body("type", equalTo("HOSPITAL"))
                .body("prefectures", hasSize(47))
                .body("prefectures[0].prefecture", equalTo("01"))
                .body("bands.fromRate", contains(90, 80, 70, 60, 50, 40, 30, 20, 10, 0))
                .body("bands[0].toRate", nullValue())
                .body("bands[1].toRate", equalTo(90))
                .body("bands.prefectures", contains(1, 22, 21, 3, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void prefecturesOfAllTypesAddUpToTheMaster() {
        given().auth().oauth2(Tokens.portalAdmin()).get("/api/v1/stats/adoption/prefectures?asOf=2021-11-21").then()
                .statusCode(200)
                .body("prefectures", hasSize(47))
                .body("prefectures.facilities.sum()", equalTo(229_202))
                .body("prefectures.readerApplied.sum()", equalTo(129_410));
    }

    @Test
    void theTrendFromOctoberTwentiethToNovemberTwentyFirstIsSection10s() {
        given().auth().oauth2(Tokens.portalAdmin()).get("/api/v1/stats/adoption/trend?from=2021-10-20&to=2021-11-21")
                .then().statusCode(200)
                .body("byType.readyFrom", contains(1_627, 6_072, 4_650, 8_013))
                .body("byType.readyTo", contains(1_917, 7_722, 5_920, 10_408))
                .body("byType.readyIncrease", contains(290, 1_650, 1_270, 2_395))
                .body("byType.liveFrom", contains(1_056, 3_240, 2_825, 4_555))
                .body("byType.liveTo", contains(1_406, 4_836, 4_160, 6_992))
                .body("byType.liveIncrease", contains(350, 1_596, 1_335, 2_437))
                .body("total.readyFrom", equalTo(20_362))
                .body("total.readyTo", equalTo(25_967))
                .body("total.readyIncrease", equalTo(5_605))
                .body("total.liveFrom", equalTo(11_676))
                .body("total.liveTo", equalTo(17_394))
                .body("total.liveIncrease", equalTo(5_718));
    }

    @Test
    void aFacilityAdministratorMayNotReadStatistics() {
        for (String path : new String[] {"/api/v1/stats/adoption", "/api/v1/stats/adoption/prefectures",
                "/api/v1/stats/adoption/trend?from=2021-10-20&to=2021-11-21",
                "/api/v1/stats/usage?from=2021-10-20&to=2021-11-16"}) {
            given().auth().oauth2(Tokens.facilityAdmin("0110113719")).get(path).then().statusCode(403)
                    .body("code", equalTo("FORBIDDEN"));
        }
        given().get("/api/v1/stats/adoption").then().statusCode(401);
    }

    @Test
    void aMalformedDateOrTypeIsAValidationErrorNamingTheParameter() {
        given().auth().oauth2(Tokens.portalAdmin()).get("/api/v1/stats/adoption?asOf=2021-13-01").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("asOf"));
        given().auth().oauth2(Tokens.portalAdmin()).get("/api/v1/stats/adoption/prefectures?type=CLINIC").then()
                .statusCode(400).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(Tokens.portalAdmin()).get("/api/v1/stats/adoption/trend?from=2021-11-21&to=2021-10-20")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.portalAdmin()).get("/api/v1/stats/adoption/trend?to=2021-10-20")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
