package io.shikaku.facility.subsidy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.Tokens;
import io.shikaku.contract.ErrorCode;
import io.shikaku.facility.support.Facilities;

/** Estimates name the rule in force on the day asked and apply the table's amounts from the database. */
@QuarkusTest
class SubsidyResourceTest {

    private static io.restassured.response.ValidatableResponse estimate(String code, String query) {
        return given().auth().oauth2(Tokens.facilityAdmin(code))
                .get("/api/v1/facilities/" + code + "/subsidy-estimate?" + query).then();
    }

    @Test
    void underTheMarch2020GuidelinesAHospitalsReadersAreSubsidisedPerReader() {
        String code = Facilities.registered("HOSPITAL");
        estimate(code, "projectCost=3000000&readers=2&asOf=2020-04-01").statusCode(200)
                .body("rule.id", equalTo("GUIDELINES_2020_03"))
                .body("category", equalTo("HOSPITAL")).body("readers", equalTo(2))
                .body("readersFree", equalTo(false)).body("readerSubsidy", equalTo(198000))
                .body("costCap", equalTo(2002000)).body("eligibleCost", equalTo(2002000))
                .body("rateNumerator", equalTo(1)).body("rateDenominator", equalTo(2))
                .body("ceiling", equalTo(1001000)).body("setUpSubsidy", equalTo(1001000))
                .body("total", equalTo(1199000));
    }

    @Test
    void onceReadersAreFreeTheReaderAmountIsZeroAndTheRestUnchanged() {
        String code = Facilities.registered("MEDICAL_CLINIC");
        estimate(code, "projectCost=429000&asOf=2021-11-21").statusCode(200)
                .body("rule.id", equalTo("FREE_READERS_2020_08")).body("rule.validFrom", equalTo("2020-08-07"))
                .body("category", equalTo("OTHER")).body("readersFree", equalTo(true))
                .body("readerSubsidy", equalTo(0)).body("setUpSubsidy", equalTo(321000))
                .body("total", equalTo(321000));
        estimate(code, "projectCost=429000").statusCode(200).body("rule.id", equalTo("FREE_READERS_2020_08"));
    }

    private static final java.util.Map<String, String> BY_TYPE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every row of both rule sets as the migrations load them, at each row's cost cap. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} ({1} readers, large chain {2}) on {3}")
    @org.junit.jupiter.params.provider.CsvSource({
            "HOSPITAL, 1, false, 2020-04-01, 99000, 2101000, 1050000, 1050000",
            "HOSPITAL, 2, false, 2020-04-01, 198000, 2002000, 1001000, 1001000",
            "HOSPITAL, 3, false, 2020-04-01, 297000, 1903000, 951000, 951000",
            "PHARMACY, 1, true, 2020-04-01, 99000, 429000, 214000, 214000",
            "PHARMACY, 1, false, 2020-04-01, 99000, 429000, 321000, 321000",
            "MEDICAL_CLINIC, 1, false, 2020-04-01, 99000, 429000, 321000, 321000",
            "DENTAL_CLINIC, 1, false, 2020-04-01, 99000, 429000, 321000, 321000",
            "HOSPITAL, 1, false, 2022-01-01, 0, 2101000, 1050000, 1050000",
            "HOSPITAL, 2, false, 2022-01-01, 0, 2002000, 1001000, 1001000",
            "HOSPITAL, 3, false, 2022-01-01, 0, 1903000, 951000, 951000",
            "PHARMACY, 1, true, 2022-01-01, 0, 429000, 214000, 214000",
            "PHARMACY, 1, false, 2022-01-01, 0, 429000, 321000, 321000",
            "MEDICAL_CLINIC, 1, false, 2022-01-01, 0, 429000, 321000, 321000",
            "DENTAL_CLINIC, 1, false, 2022-01-01, 0, 429000, 321000, 321000"})
    void everyRowOfTheRuleTablesPaysDomainAmounts(String type, int readers, boolean largeChain, String asOf,
            int readerSubsidy, int costCap, int ceiling, int setUpAtCap) {
        String code = BY_TYPE.computeIfAbsent(type, Facilities::registered);
        estimate(code, "projectCost=" + costCap + "&readers=" + readers + "&largeChain=" + largeChain + "&asOf=" + asOf)
                .statusCode(200).body("readerSubsidy", equalTo(readerSubsidy)).body("costCap", equalTo(costCap))
                .body("ceiling", equalTo(ceiling)).body("setUpSubsidy", equalTo(setUpAtCap))
                .body("total", equalTo(readerSubsidy + setUpAtCap));
    }

    @Test
    void theGuidelinesApplyUntilTheDayBeforeReadersBecameFree() {
        String code = Facilities.registered("HOSPITAL");
        estimate(code, "projectCost=1000000&readers=1&asOf=2020-08-06").statusCode(200)
                .body("rule.id", equalTo("GUIDELINES_2020_03")).body("rule.validUntil", equalTo("2020-08-06"))
                .body("readerSubsidy", equalTo(99000)).body("setUpSubsidy", equalTo(500000));
        estimate(code, "projectCost=1000000&readers=1&asOf=2020-08-07").statusCode(200)
                .body("rule.id", equalTo("FREE_READERS_2020_08")).body("readerSubsidy", equalTo(0))
                .body("readersFree", equalTo(true)).body("setUpSubsidy", equalTo(500000));
        estimate(code, "projectCost=1000000&readers=1&asOf=2020-03-03").statusCode(404);
    }

    @Test
    void aLargeChainPharmacyGetsHalfUpTo214000() {
        String code = Facilities.registered("PHARMACY");
        estimate(code, "projectCost=500000&largeChain=true&asOf=2020-03-04").statusCode(200)
                .body("category", equalTo("LARGE_CHAIN_PHARMACY")).body("readerSubsidy", equalTo(99000))
                .body("setUpSubsidy", equalTo(214000));
    }

    @Test
    void impossibleQuestionsAreValidationProblemsAndDaysBeforeAnyRuleNotFound() {
        String clinic = Facilities.registered("DENTAL_CLINIC");
        estimate(clinic, "projectCost=1000&readers=2").statusCode(400).body("errors[0].field", equalTo("readers"));
        estimate(clinic, "projectCost=1000&largeChain=true").statusCode(400)
                .body("errors[0].field", equalTo("largeChain"));
        estimate(clinic, "projectCost=1000&largeChain=maybe").statusCode(400)
                .body("errors[0].field", equalTo("largeChain"));
        estimate(clinic, "readers=1").statusCode(400).body("code", equalTo(ErrorCode.VALIDATION_FAILED.name()));
        estimate(clinic, "projectCost=-1").statusCode(400);
        estimate(clinic, "projectCost=1&asOf=2021-13-01").statusCode(400).body("errors[0].field", equalTo("asOf"));
        estimate(clinic, "projectCost=1&asOf=2019-12-31").statusCode(404)
                .body("code", equalTo(ErrorCode.NOT_FOUND.name()));
        given().auth().oauth2(Tokens.facilityAdmin(clinic))
                .get("/api/v1/facilities/" + Facilities.registered("DENTAL_CLINIC") + "/subsidy-estimate?projectCost=1")
                .then().statusCode(403);
    }
}
