package io.shikaku.facility.exemption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shikaku.common.testing.Tokens;
import io.shikaku.contract.ErrorCode;
import io.shikaku.facility.support.Facilities;

/** Facilities ask for exemptions and answer the survey; a portal administrator decides exemptions. */
@QuarkusTest
class ExemptionAndSurveyTest {

    @Test
    void aFacilityRequestsAnExemptionAndAPortalAdministratorDecidesItOnce() {
        String code = Facilities.registered("MEDICAL_CLINIC");
        String base = "/api/v1/facilities/" + code + "/exemption-requests";
        String id = given().auth().oauth2(Tokens.facilityAdmin(code)).contentType(ContentType.JSON)
                .body("{\"reason\":\"NO_FIBRE_LINE\",\"note\":\"carrier says 2024\"}").post(base).then()
                .statusCode(201).body("status", equalTo("PENDING")).body("reason", equalTo("NO_FIBRE_LINE"))
                .extract().path("id");

        given().auth().oauth2(Tokens.facilityAdmin(code)).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVED\",\"note\":\"ok\"}").post(base + "/" + id + "/decision").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.portalAdmin()).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVED\",\"note\":\"fibre confirmed unavailable\"}")
                .post(base + "/" + id + "/decision").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedAt", notNullValue());
        given().auth().oauth2(Tokens.portalAdmin()).contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECTED\",\"note\":\"changed my mind\"}").post(base + "/" + id + "/decision")
                .then().statusCode(409).body("code", equalTo(ErrorCode.CONFLICT.name()));

        given().auth().oauth2(Tokens.facilityAdmin(code)).get(base).then().statusCode(200)
                .body("requests.status", contains("APPROVED"))
                .body("requests[0].decisionNote", equalTo("fibre confirmed unavailable"));
    }

    @Test
    void portalAdministratorsSeeThePendingRequestsOfEveryFacility() {
        String code = Facilities.registered("HOSPITAL");
        String id = given().auth().oauth2(Tokens.facilityAdmin(code)).contentType(ContentType.JSON)
                .body("{\"reason\":\"READER_OUT_OF_STOCK\"}").post("/api/v1/facilities/" + code + "/exemption-requests")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.portalAdmin()).queryParam("size", 500)
                .get("/api/v1/facilities/exemption-requests").then().statusCode(200)
                .body("requests.findAll { it.id == '" + id + "' }.facilityCode", contains(code))
                .body("requests.status.unique()", contains("PENDING"));
        given().auth().oauth2(Tokens.facilityAdmin(code)).get("/api/v1/facilities/exemption-requests").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.portalAdmin()).queryParam("status", "MAYBE")
                .get("/api/v1/facilities/exemption-requests").then().statusCode(400);
    }

    @Test
    void anUnknownReasonIsRejectedAndAnotherFacilitysAdministratorRefused() {
        String code = Facilities.registered("PHARMACY");
        String base = "/api/v1/facilities/" + code + "/exemption-requests";
        given().auth().oauth2(Tokens.facilityAdmin(code)).contentType(ContentType.JSON)
                .body("{\"reason\":\"BORED\"}").post(base).then().statusCode(400)
                .body("code", equalTo(ErrorCode.VALIDATION_FAILED.name()));
        given().auth().oauth2(Tokens.facilityAdmin(Facilities.registered("PHARMACY"))).contentType(ContentType.JSON)
                .body("{\"reason\":\"DIRE_FINANCES\"}").post(base).then().statusCode(403);
        given().auth().oauth2(Tokens.portalAdmin()).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVED\"}")
                .post(base + "/00000000-0000-0000-0000-000000000000/decision").then().statusCode(404);
    }

    @Test
    void aSurveyResponseIsRecordedWithItsOptions() {
        String code = Facilities.registered("DENTAL_CLINIC");
        String base = "/api/v1/facilities/" + code + "/survey-responses";
        given().auth().oauth2(Tokens.facilityAdmin(code)).contentType(ContentType.JSON)
                .body("{\"doneSteps\":[\"QUOTE_OBTAINED\",\"READER_APPLIED\"],\"expectedGoLive\":\"NOT_IN_TIME\","
                        + "\"obstacles\":[\"READER_OUT_OF_STOCK\",\"QUOTE_ABOVE_SUBSIDY\"],"
                        + "\"initialCostQuote\":1200000,\"monthlyCostQuote\":15000}")
                .post(base).then().statusCode(201).body("facilityCode", equalTo(code)).body("id", notNullValue());
        given().auth().oauth2(Tokens.facilityAdmin(code)).contentType(ContentType.JSON)
                .body("{\"doneSteps\":[\"TEA\"],\"expectedGoLive\":\"NOT_IN_TIME\",\"obstacles\":[]}")
                .post(base).then().statusCode(400);
        given().auth().oauth2(Tokens.facilityAdmin(code)).contentType(ContentType.JSON)
                .body("{\"doneSteps\":[\"LIVE\"],\"expectedGoLive\":\"ALREADY_LIVE\",\"obstacles\":[],"
                        + "\"initialCostQuote\":-5}")
                .post(base).then().statusCode(400);
    }
}
