package io.shikaku.facility.master;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.event.Topics;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;
import io.shikaku.contract.ErrorCode;
import io.shikaku.facility.support.Facilities;

/** A facility's administrator takes it through onboarding; out-of-order steps and other facilities are refused. */
@QuarkusTest
class LifecycleResourceTest {

    private static final String BASE = "/api/v1/facilities/";
    private static final LocalDate TODAY = LocalDate.now(CalendarDates.JAPAN);

    private static ValidatableResponse step(String token, String method, String path, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return ("PUT".equals(method) ? request.put(BASE + path) : request.post(BASE + path)).then();
    }

    @Test
    void aFacilityAdministratorTakesItsFacilityFromRegisteredToLive() {
        String code = Facilities.registered("HOSPITAL");
        String admin = Tokens.facilityAdmin(code);
        String day = TODAY.minusDays(3).toString();

        step(admin, "POST", code + "/account", "{\"registeredOn\":\"" + day + "\"}").statusCode(200)
                .body("stage", equalTo("ACCOUNT_REGISTERED")).body("accountRegisteredOn", equalTo(day));
        step(admin, "POST", code + "/reader-applications", "{\"readers\":3,\"appliedOn\":\"" + day + "\"}")
                .statusCode(200).body("stage", equalTo("READER_APPLIED")).body("readersApplied", equalTo(3));
        step(admin, "POST", code + "/readiness", "{\"readyOn\":\"" + TODAY.minusDays(1) + "\"}").statusCode(200)
                .body("stage", equalTo("READY"));
        step(admin, "PUT", code + "/go-live", "{\"goLiveOn\":\"" + TODAY.plusDays(7) + "\"}").statusCode(200)
                .body("stage", equalTo("READY")).body("goLiveOn", equalTo(TODAY.plusDays(7).toString()));
        step(admin, "PUT", code + "/go-live", "{\"goLiveOn\":\"" + TODAY + "\"}").statusCode(200)
                .body("stage", equalTo("LIVE"));
        step(admin, "PUT", code + "/go-live", "{\"goLiveOn\":\"" + TODAY.plusDays(1) + "\"}").statusCode(409)
                .body("code", equalTo(ErrorCode.INVALID_LIFECYCLE_STEP.name()));

        given().auth().oauth2(admin).get(BASE + code).then().statusCode(200)
                .body("accountRegisteredOn", equalTo(day)).body("readerAppliedOn", equalTo(day))
                .body("readyOn", equalTo(TODAY.minusDays(1).toString())).body("goLiveOn", equalTo(TODAY.toString()));
    }

    @Test
    void theAccountDateDefaultsToTodayWithoutABody() {
        String code = Facilities.registered("MEDICAL_CLINIC");
        step(Tokens.portalAdmin(), "POST", code + "/account", null).statusCode(200)
                .body("accountRegisteredOn", equalTo(TODAY.toString()));
    }

    @Test
    void stepsOutOfOrderOrRepeatedAreConflicts() {
        String code = Facilities.registered("PHARMACY");
        String admin = Tokens.facilityAdmin(code);
        String today = TODAY.toString();
        step(admin, "POST", code + "/reader-applications", "{\"readers\":1,\"appliedOn\":\"" + today + "\"}")
                .statusCode(409).body("code", equalTo(ErrorCode.INVALID_LIFECYCLE_STEP.name()));
        step(admin, "POST", code + "/readiness", "{\"readyOn\":\"" + today + "\"}").statusCode(409);
        step(admin, "PUT", code + "/go-live", "{\"goLiveOn\":\"" + today + "\"}").statusCode(409);
        step(admin, "POST", code + "/account", "{}").statusCode(200);
        step(admin, "POST", code + "/account", "{}").statusCode(409)
                .body("code", equalTo(ErrorCode.INVALID_LIFECYCLE_STEP.name()));
        step(admin, "POST", code + "/reader-applications", "{\"readers\":2,\"appliedOn\":\"" + today + "\"}")
                .statusCode(400).body("code", equalTo(ErrorCode.VALIDATION_FAILED.name()))
                .body("errors[0].field", equalTo("readers"));
        step(admin, "POST", code + "/reader-applications", "{\"readers\":1,\"appliedOn\":\"" + today + "\"}")
                .statusCode(200);
        step(admin, "POST", code + "/reader-applications", "{\"readers\":1,\"appliedOn\":\"" + today + "\"}")
                .statusCode(409);
        step(admin, "POST", code + "/readiness", "{\"readyOn\":\"" + TODAY.minusDays(1) + "\"}").statusCode(409);
        step(admin, "POST", code + "/readiness", "{\"readyOn\":\"" + today + "\"}").statusCode(200);
        step(admin, "PUT", code + "/go-live", "{\"goLiveOn\":\"" + TODAY.minusDays(1) + "\"}").statusCode(409);
        step(admin, "POST", code + "/readiness", "{}").statusCode(400);
    }

    @Test
    void aFacilityAdministratorCannotReadOrChangeAnotherFacility() {
        String mine = Facilities.registered("DENTAL_CLINIC");
        String other = Facilities.registered("DENTAL_CLINIC");
        String admin = Tokens.facilityAdmin(mine);
        given().auth().oauth2(admin).get(BASE + other).then().statusCode(403)
                .body("code", equalTo(ErrorCode.FORBIDDEN.name()));
        step(admin, "POST", other + "/account", "{}").statusCode(403);
        step(Tokens.clinic(mine), "POST", mine + "/account", "{}").statusCode(403);
        given().auth().oauth2(admin).get(BASE + other).then().statusCode(403);
        given().auth().oauth2(admin).get(BASE).then().statusCode(403);
        step(admin, "PUT", mine + "/emergency-terminal", "{\"enabled\":true}").statusCode(403);
    }

    @Test
    void anUnknownFacilityIsNotFoundAndAMalformedCodeInvalid() {
        String unknown = io.shikaku.facility.support.Codes.fresh("47", '1');
        given().auth().oauth2(Tokens.portalAdmin()).get(BASE + unknown).then().statusCode(404)
                .body("code", equalTo(ErrorCode.NOT_FOUND.name()));
        step(Tokens.portalAdmin(), "POST", unknown + "/account", "{}").statusCode(404);
        given().auth().oauth2(Tokens.portalAdmin()).get(BASE + "12345").then().statusCode(400)
                .body("errors[0].field", equalTo("facilityCode"));
    }

    @Test
    void eachStepAndTheEmergencyTerminalArePublishedWithTheFacilitysDates() throws Exception {
        String code = Facilities.registered("HOSPITAL");
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.FACILITY_LIFECYCLE)) {
            step(Tokens.portalAdmin(), "POST", code + "/account", "{\"registeredOn\":\"2021-04-01\"}")
                    .statusCode(200);
            step(Tokens.portalAdmin(), "PUT", code + "/emergency-terminal", "{\"enabled\":true}").statusCode(200)
                    .body("emergencyTerminal", equalTo(true));

            // the relay may publish the facility's registration only after the watch began: the steps' events follow it
            var records = watch.awaitAll(r -> code.equals(r.key()) && accountRegistered(r.value()), 2);
            JsonNode first = new ObjectMapper().readTree(records.get(0).value()).get("data");
            JsonNode second = new ObjectMapper().readTree(records.get(1).value()).get("data");
            assertEquals("2021-04-01", first.get("accountRegisteredOn").asText());
            assertEquals(false, first.get("emergencyTerminal").asBoolean());
            assertEquals(true, second.get("emergencyTerminal").asBoolean());
            assertEquals("HOSPITAL", second.get("type").asText());
            assertEquals(FacilityLifecycleChanged.TYPE, KafkaTestKit.header(records.get(1), "ce_type"));
            for (ConsumerRecord<String, String> r : records) {
                JsonNode data = new ObjectMapper().readTree(r.value()).get("data");
                assertEquals(9, data.size());
                assertEquals("Test HOSPITAL", data.get("name").asText(), "each step carries the master's name");
            }
        }
        given().auth().oauth2(Tokens.portalAdmin()).get(BASE + code).then().body("readerAppliedOn", nullValue());
    }

    private static boolean accountRegistered(String envelope) {
        try {
            return !new ObjectMapper().readTree(envelope).get("data").get("accountRegisteredOn").isNull();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void theSearchFiltersByPrefectureTypeStageAndCodeOrName() {
        String live = Facilities.create("PHARMACY", "2021-04-01,2021-05-01,1,2021-06-01,2021-07-01");
        String ready = Facilities.create("PHARMACY", "2021-04-01,2021-05-01,1,2021-06-01,");
        given().auth().oauth2(Tokens.portalAdmin())
                .queryParam("prefecture", "13").queryParam("type", "PHARMACY").queryParam("stage", "LIVE")
                .queryParam("q", live).get(BASE).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].facilityCode", equalTo(live))
                .body("items[0].stage", equalTo("LIVE"));
        given().auth().oauth2(Tokens.portalAdmin()).queryParam("stage", "LIVE").queryParam("q", ready).get(BASE)
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.portalAdmin()).queryParam("stage", "READY").queryParam("q", ready.substring(0, 10))
                .get(BASE).then().statusCode(200).body("total", equalTo(1));
        String goingLive = Facilities.create("PHARMACY", "2021-04-01,2021-05-01,1,2021-06-01," + TODAY.plusDays(1));
        given().auth().oauth2(Tokens.portalAdmin()).queryParam("stage", "READY").queryParam("q", goingLive).get(BASE)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].stage", equalTo("READY"));
        given().auth().oauth2(Tokens.portalAdmin()).queryParam("q", "test pharm").queryParam("size", 1).get(BASE)
                .then().statusCode(200).body("size", equalTo(1)).body("items.size()", equalTo(1));
        given().auth().oauth2(Tokens.portalAdmin()).get(BASE).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        given().auth().oauth2(Tokens.portalAdmin()).queryParam("size", 501).get(BASE).then().statusCode(400)
                .body("code", equalTo(ErrorCode.VALIDATION_FAILED.name()));
        given().auth().oauth2(Tokens.portalAdmin()).queryParam("prefecture", "48").get(BASE).then().statusCode(400);
        given().auth().oauth2(Tokens.portalAdmin()).queryParam("stage", "SOON").get(BASE).then().statusCode(400);
    }
}
