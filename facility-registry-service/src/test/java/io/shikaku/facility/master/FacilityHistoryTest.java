package io.shikaku.facility.master;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shikaku.common.testing.Tokens;
import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Roles;
import io.shikaku.facility.support.Codes;
import io.shikaku.facility.support.Facilities;

/** Every change of a facility is in its history: imports that change it, each lifecycle step, the terminal. */
@QuarkusTest
class FacilityHistoryTest {

    private static final String BASE = "/api/v1/facilities/";

    private static void importRow(String code, String name, String lifecycle) {
        given().auth().oauth2(Tokens.portalAdmin()).contentType("text/csv")
                .body(MasterRows.HEADER + "\n" + code + ",PHARMACY,13," + name + "," + lifecycle + "\n")
                .post(BASE + "imports").then().statusCode(200).body("imported", equalTo(1));
    }

    @Test
    void importsThatChangeAFacilityAndEachStepAreInItsHistoryWithWhatChangedAndWho() {
        String code = Codes.fresh("13", '4');
        importRow(code, "History Pharmacy", ",,,,");
        importRow(code, "History Pharmacy", ",,,,");
        importRow(code, "History Pharmacy Ginza", "2021-04-01,,,,");
        String admin = Tokens.facilityAdmin(code);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"readers\":1,\"appliedOn\":\"2021-05-01\"}").post(BASE + code + "/reader-applications")
                .then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"readyOn\":\"2021-06-01\"}")
                .post(BASE + code + "/readiness").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"goLiveOn\":\"2021-07-01\"}")
                .put(BASE + code + "/go-live").then().statusCode(200);
        String named = Tokens.withClaim(Roles.PORTAL_ADMIN, "preferred_username", "portal-admin-suzuki");
        given().auth().oauth2(named).contentType(ContentType.JSON).body("{\"enabled\":true}")
                .put(BASE + code + "/emergency-terminal").then().statusCode(200);
        given().auth().oauth2(named).contentType(ContentType.JSON).body("{\"enabled\":true}")
                .put(BASE + code + "/emergency-terminal").then().statusCode(200);

        given().auth().oauth2(admin).get(BASE + code + "/history").then().statusCode(200)
                .body("facilityCode", equalTo(code))
                .body("changes.change", contains("IMPORT", "IMPORT", "READERS_APPLIED", "READY", "GO_LIVE",
                        "EMERGENCY_TERMINAL"))
                .body("changes.changedBy", contains("portal-admin", "portal-admin", "facility-admin-" + code,
                        "facility-admin-" + code, "facility-admin-" + code, "odd-portal-admin"))
                .body("changes[0].changedByName", nullValue())
                .body("changes[5].changedByName", equalTo("portal-admin-suzuki"))
                .body("changes[0].changed", contains("type", "prefecture", "name"))
                .body("changes[0].changedAt", notNullValue())
                .body("changes[1].changed", contains("name", "accountRegisteredOn"))
                .body("changes[1].state.name", equalTo("History Pharmacy Ginza"))
                .body("changes[2].changed", contains("readerAppliedOn", "readersApplied"))
                .body("changes[2].state.readerAppliedOn", equalTo("2021-05-01"))
                .body("changes[3].changed", contains("readyOn"))
                .body("changes[4].changed", contains("goLiveOn"))
                .body("changes[4].state.goLiveOn", equalTo("2021-07-01"))
                .body("changes[5].changed", contains("emergencyTerminal"))
                .body("changes[5].state.emergencyTerminal", equalTo(true));
    }

    @Test
    void aRefusedStepLeavesNoHistory() {
        String code = Facilities.registered("MEDICAL_CLINIC");
        given().auth().oauth2(Tokens.portalAdmin()).contentType(ContentType.JSON).body("{\"readyOn\":\"2021-06-01\"}")
                .post(BASE + code + "/readiness").then().statusCode(409);
        given().auth().oauth2(Tokens.portalAdmin()).get(BASE + code + "/history").then().statusCode(200)
                .body("changes", hasSize(1)).body("changes[0].change", equalTo("IMPORT"))
                .body("changes[0].state.readyOn", nullValue());
    }

    @Test
    void onlyThePortalAdministratorOrTheFacilitysOwnAdministratorReadsIt() {
        String mine = Facilities.registered("DENTAL_CLINIC");
        String other = Facilities.registered("DENTAL_CLINIC");
        given().auth().oauth2(Tokens.facilityAdmin(mine)).get(BASE + other + "/history").then().statusCode(403)
                .body("code", equalTo(ErrorCode.FORBIDDEN.name()));
        given().auth().oauth2(Tokens.clinic(mine)).get(BASE + mine + "/history").then().statusCode(403);
        given().get(BASE + mine + "/history").then().statusCode(401);
        given().auth().oauth2(Tokens.portalAdmin()).get(BASE + Codes.fresh("47", '1') + "/history").then()
                .statusCode(404).body("code", equalTo(ErrorCode.NOT_FOUND.name()));
        given().auth().oauth2(Tokens.portalAdmin()).get(BASE + "12345/history").then().statusCode(400)
                .body("errors[0].field", equalTo("facilityCode"));
    }
}
