package io.shikaku.facility.master;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shikaku.common.event.Topics;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;
import io.shikaku.contract.ErrorCode;
import io.shikaku.facility.support.Codes;

/** The facility master import as a portal administrator sees it. */
@QuarkusTest
class MasterImportTest {

    private static final String IMPORTS = "/api/v1/facilities/imports";

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().auth().oauth2(Tokens.portalAdmin()).contentType("text/csv").body(body).post(IMPORTS).then();
    }

    @Test
    void goodLinesAreImportedAndBadOnesReportedByLineNumberWithoutStoppingTheRest() {
        String hospital = Codes.fresh("13", '1');
        String pharmacy = Codes.fresh("27", '4');
        String csv = MasterRows.HEADER + "\n"
                + hospital + ",HOSPITAL,13,\"Tokyo General, East\",2021-04-01,2021-05-01,3,2021-09-01,2021-10-01\n"
                + Codes.fresh("13", '1') + ",HOSPITAL,14,Wrong prefecture,,,,,\n"
                + "\n"
                + pharmacy + ",PHARMACY,27,Osaka Pharmacy,2021-04-01,2021-05-01,2,,\n"
                + pharmacy.substring(0, 9) + (char) ('0' + (pharmacy.charAt(9) - '0' + 1) % 10)
                + ",PHARMACY,27,Bad check digit,,,,,\n"
                + Codes.fresh("13", '3') + ",DENTAL_CLINIC,13,Dental,,2021-05-01,1,,\n";
        post(csv).statusCode(200)
                .body("imported", equalTo(1))
                .body("rejected", equalTo(4))
                .body("errors.line", contains(3, 5, 6, 7))
                .body("errors.code", contains("PREFECTURE_MISMATCH", "INVALID_READERS", "INVALID_FACILITY_CODE",
                        "MISSING_EARLIER_STEP"));

        given().auth().oauth2(Tokens.portalAdmin()).get("/api/v1/facilities/" + hospital).then().statusCode(200)
                .body("name", equalTo("Tokyo General, East"))
                .body("readersApplied", equalTo(3))
                .body("goLiveOn", equalTo("2021-10-01"))
                .body("stage", equalTo("LIVE"));
    }

    @Test
    void anImportUpsertsByFacilityCodeAndTheSameCodeTwiceInOneBodyIsRejected() {
        String code = Codes.fresh("01", '1');
        post(MasterRows.HEADER + "\n" + code + ",MEDICAL_CLINIC,01,First name,,,,,\n").statusCode(200)
                .body("imported", equalTo(1)).body("changed", equalTo(1));
        post(MasterRows.HEADER + "\r\n" + code + ",MEDICAL_CLINIC,01,First name,,,,,\r\n").statusCode(200)
                .body("imported", equalTo(1)).body("changed", equalTo(0));
        post(MasterRows.HEADER + "\n" + code + ",MEDICAL_CLINIC,01,New name,2021-04-01,,,,\n"
                + code + ",MEDICAL_CLINIC,01,Again,,,,,\n").statusCode(200)
                .body("imported", equalTo(1)).body("changed", equalTo(1))
                .body("errors[0].line", equalTo(3)).body("errors[0].code", equalTo("DUPLICATE_FACILITY_CODE"));
        given().auth().oauth2(Tokens.portalAdmin()).get("/api/v1/facilities/" + code).then().statusCode(200)
                .body("name", equalTo("New name")).body("stage", equalTo("ACCOUNT_REGISTERED"));
    }

    @Test
    void aFacilityRenamedByTheImportIsPublishedWithItsNewName() throws Exception {
        String code = Codes.fresh("13", '4');
        String other = Codes.fresh("13", '4');
        post(MasterRows.HEADER + "\n" + code + ",PHARMACY,13,Old Pharmacy,2021-04-01,,,,\n"
                + other + ",PHARMACY,13,Unrenamed Pharmacy,,,,,\n").statusCode(200).body("changed", equalTo(2));
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.FACILITY_LIFECYCLE)) {
            post(MasterRows.HEADER + "\n" + code + ",PHARMACY,13,\"New Pharmacy, \"\"Ekimae\"\"\",2021-04-01,,,,\n"
                    + other + ",PHARMACY,13,Unrenamed Pharmacy,,,,,\n").statusCode(200).body("changed", equalTo(1));

            JsonNode data = new ObjectMapper().readTree(watch.await(r -> code.equals(r.key())
                    && r.value().contains("New Pharmacy")).value()).get("data");
            assertEquals("New Pharmacy, \"Ekimae\"", data.get("name").asText());
            assertEquals("2021-04-01", data.get("accountRegisteredOn").asText());

            String marker = Codes.fresh("13", '4');
            post(MasterRows.HEADER + "\n" + marker + ",PHARMACY,13,Marker,,,,,\n").statusCode(200);
            watch.await(r -> marker.equals(r.key()));
            assertEquals(0, watch.seen().stream().filter(r -> other.equals(r.key())).count(),
                    "a facility whose name did not change is not published again");
        }
    }

    @Test
    void aBodyThatIsNotTheMastersCsvIsAValidationProblemNeverAServerError() {
        for (String body : new String[] {"", "{\"facilities\":[]}", "facilityCode,type,prefecture,name\n",
                "\u0000\u0001\u0002"}) {
            post(body).statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo(ErrorCode.VALIDATION_FAILED.name()))
                    .body("errors[0].field", equalTo("body"));
        }
        given().auth().oauth2(Tokens.portalAdmin()).contentType("text/csv")
                .body(new byte[] {(byte) 0xff, (byte) 0xfe, 'a', '\n'}).post(IMPORTS).then().statusCode(400)
                .body("code", equalTo(ErrorCode.VALIDATION_FAILED.name()));
    }

    @Test
    void aBodyOfAnotherMediaTypeIsUnsupported() {
        given().auth().oauth2(Tokens.portalAdmin()).contentType(ContentType.JSON).body("{}").post(IMPORTS).then()
                .statusCode(415).body("code", equalTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE.name()));
    }

    @Test
    void onlyAPortalAdministratorImports() {
        given().auth().oauth2(Tokens.facilityAdmin("0110113719")).contentType("text/csv").body(MasterRows.HEADER)
                .post(IMPORTS).then().statusCode(403).body("code", equalTo(ErrorCode.FORBIDDEN.name()));
    }

    @Test
    void aHeaderAloneImportsNothing() {
        post(MasterRows.HEADER + "\n").statusCode(200).body("imported", equalTo(0)).body("rejected", equalTo(0))
                .body("errors", empty());
    }

    @Test
    void everyFacilityTheImportChangesIsPublishedOnceWithExactlyTheLifecycleData() throws Exception {
        String changed = Codes.fresh("40", '4');
        String unchanged = Codes.fresh("40", '4');
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.FACILITY_LIFECYCLE)) {
            post(MasterRows.HEADER + "\n" + unchanged + ",PHARMACY,40,Same,,,,,\n").statusCode(200);
            watch.await(r -> unchanged.equals(r.key()));
            post(MasterRows.HEADER + "\n" + changed + ",PHARMACY,40,Fukuoka,2021-04-01,2021-05-01,1,2021-06-01,\n"
                    + unchanged + ",PHARMACY,40,Same,,,,,\n").statusCode(200).body("changed", equalTo(1));

            ConsumerRecord<String, String> record = watch.await(r -> changed.equals(r.key()));
            JsonNode envelope = new ObjectMapper().readTree(record.value());
            assertEquals(FacilityLifecycleChanged.TYPE, envelope.get("type").asText());
            assertEquals(envelope.get("id").asText(), KafkaTestKit.header(record, "ce_id"));
            assertEquals(changed, envelope.get("subject").asText());
            assertEquals("facility-registry-service", envelope.get("source").asText());
            JsonNode data = envelope.get("data");
            Set<String> fields = new java.util.TreeSet<>();
            data.fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("facilityCode", "type", "prefecture", "name", "accountRegisteredOn", "readerAppliedOn",
                    "readyOn", "goLiveOn", "emergencyTerminal"), fields);
            assertEquals("Fukuoka", data.get("name").asText());
            assertEquals("PHARMACY", data.get("type").asText());
            assertEquals("40", data.get("prefecture").asText());
            assertEquals("2021-06-01", data.get("readyOn").asText());
            assertEquals(true, data.get("goLiveOn").isNull());
            assertEquals(false, data.get("emergencyTerminal").asBoolean());

            String marker = Codes.fresh("40", '4');
            post(MasterRows.HEADER + "\n" + marker + ",PHARMACY,40,Marker,,,,,\n").statusCode(200);
            watch.await(r -> marker.equals(r.key()));
            assertEquals(1, watch.seen().stream().filter(r -> unchanged.equals(r.key())).count(),
                    "an unchanged facility is not published again");
        }
    }
}
