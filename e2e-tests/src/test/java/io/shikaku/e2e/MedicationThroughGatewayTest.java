package io.shikaku.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shikaku.common.testing.KafkaTestKit;

/**
 * A patient's medication, shown with consent and to nobody else (DOMAIN.md §6, issue 9), through the gateway with
 * tokens from the real Keycloak: dispensings that arrive before their person are kept and attached once the insurer's
 * batch makes the person known; a card check with consent opens them at once, to that facility only; a card-number
 * check opens nothing, nor does a consent to medication open checkups; the duplicate check finds the active
 * same-ingredient drug and ignores a finished one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MedicationThroughGatewayTest {

    private static final String INSURER = "06130017";
    /** The facility at whose reader the patient consents. */
    private static final String CLINIC = "clinic-0110113719";
    /** A facility without consent. */
    private static final String OTHER_CLINIC = "clinic-1310123458";
    /** A facility that checks the patient by card numbers only. */
    private static final String PHARMACY = "clinic-1340123452";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final String MY_NUMBER = Fresh.myNumber();
    private static final String CARD = Fresh.serial();
    private static final String SYMBOL = "E2M";
    private static final String NUMBER = "M" + ThreadLocalRandom.current().nextInt(10_000_000);
    private static final String BIRTH_DATE = "1975-03-03";
    /** Loxoprofen, dispensed two days ago for 7 days: active. */
    private static final String ACTIVE_DRUG = "1149019F1560";
    /** Amlodipine, dispensed 60 days ago for 7 days: finished. */
    private static final String FINISHED_DRUG = "2171022F1020";
    private static final Duration ATTACHING = Duration.ofMinutes(3);
    private static final Suite SUITE = new Suite();

    private static String dispensingBatch;
    private static String person;

    @BeforeAll
    static void startSuite() throws Exception {
        SUITE.startAll();
        RestAssured.baseURI = Suite.gatewayUrl();
    }

    @AfterAll
    static void stopSuite() throws InterruptedException {
        SUITE.stopAll();
    }

    @Test
    @Order(1)
    void dispensingsWhosePersonIsNotKnownYetAreKept() {
        dispensingBatch = given().auth().oauth2(Keycloak.clientToken("claims-feed")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "e2e-" + NUMBER)
                .body(Map.of("records", List.of(dispensing(TODAY.minusDays(2), ACTIVE_DRUG, "ロキソニン錠60mg",
                        "ロキソプロフェンナトリウム水和物", 7),
                        dispensing(TODAY.minusDays(60), FINISHED_DRUG, "アムロジピン錠5mg",
                                "アムロジピンベシル酸塩", 7))))
                .post("/api/v1/claims/dispensing-batches").then().statusCode(202).extract().path("batchId");
        Response report = dispensingReport(KafkaTestKit.PATIENCE, r -> "COMPLETED".equals(r.path("status")));
        report.then().body("accepted", equalTo(2)).body("rejected", equalTo(0)).body("attached", equalTo(0));
    }

    @Test
    @Order(2)
    void theInsurersBatchMakesThePersonKnownAndTheKeptDispensingsAttach() {
        given().auth().oauth2(Keycloak.clientToken("registry-feed")).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(Map.of("myNumber", MY_NUMBER, "name", "服部 三郎", "nameKana",
                        "ハットリ サブロウ", "sex", "MALE", "birthDate", BIRTH_DATE, "address", "東京都港区芝公園4-2-8"))))
                .post("/api/v1/resident-registry/imports").then().statusCode(200).body("upserted", equalTo(1));
        String insurer = Keycloak.clientToken("insurer-" + INSURER);
        Map<String, Object> member = new HashMap<>(Map.of("op", "UPSERT", "myNumber", MY_NUMBER, "name", "服部 三郎",
                "nameKana", "ハットリ サブロウ", "sex", "MALE", "birthDate", BIRTH_DATE, "address", "東京都港区芝公園4-2-8",
                "symbol", SYMBOL, "number", NUMBER, "branch", "00"));
        member.putAll(Map.of("relationship", "INSURED", "validFrom", "2020-04-01", "copaymentRate", 30));
        String batch = given().auth().oauth2(insurer).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(member))).post("/api/v1/insurers/{n}/member-batches", INSURER)
                .then().statusCode(202).extract().path("batchId");
        KafkaTestKit.await("the member batch to complete", () -> given().auth().oauth2(insurer)
                .get("/api/v1/insurers/{n}/member-batches/{id}", INSURER, batch),
                r -> "COMPLETED".equals(r.path("status"))).then().body("accepted", equalTo(1));

        // the medication service started with an empty projection and reads person-qualifications from the start,
        // every earlier test's and run's events first (the broker outlives runs): allow for that backlog
        dispensingReport(ATTACHING, r -> Integer.valueOf(2).equals(r.path("attached")));

        // the pharmacy confirms the patient by card numbers: that opens nothing
        Response checked = given().auth().oauth2(Keycloak.clientToken(PHARMACY)).contentType(ContentType.JSON)
                .body(Map.of("method", "INSURANCE_CARD", "visitDate", TODAY.toString(), "insurerNumber", INSURER,
                        "symbol", SYMBOL, "number", NUMBER, "branch", "00", "birthDate", BIRTH_DATE))
                .post("/api/v1/eligibility/checks");
        checked.then().statusCode(200).body("validity", equalTo("VALID"));
        person = checked.path("personId");
        given().auth().oauth2(Keycloak.clientToken(CLINIC)).contentType(ContentType.JSON)
                .body(Map.of("cardSerial", CARD, "myNumber", MY_NUMBER, "validUntil", "2035-03-31"))
                .post("/api/v1/card-registrations").then().statusCode(201);
    }

    @Test
    @Order(3)
    void aCardCheckWithConsentOpensTheMedicationAtOnceToThatFacilityOnly() {
        String clinic = Keycloak.clientToken(CLINIC);
        given().auth().oauth2(clinic).contentType(ContentType.JSON)
                .body(Map.of("method", "MY_NUMBER_CARD", "visitDate", TODAY.toString(), "cardSerial", CARD,
                        "identityVerification", "FACE", "consent",
                        Map.of("medication", true, "checkup", false, "limitCategory", false)))
                .post("/api/v1/eligibility/checks").then().statusCode(200).body("consent.medication", equalTo(true));

        // at once: the consent event may not have reached the medication service yet
        Response shown = given().auth().oauth2(clinic).get("/api/v1/persons/{p}/medications", person);
        shown.then().statusCode(200).body("dispensings.size()", equalTo(2))
                .body("dispensings[0].drugCode", equalTo(ACTIVE_DRUG))
                .body("dispensings[1].drugCode", equalTo(FINISHED_DRUG));
        for (String facilityCode : List.of("1340123452", "0110113719")) {
            shown.then().body(not(org.hamcrest.Matchers.containsString(facilityCode)));
        }
        shown.then().body(not(org.hamcrest.Matchers.containsStringIgnoringCase("facility")));

        // the consent was to medication only: the same facility sees no checkups
        given().auth().oauth2(clinic).get("/api/v1/persons/{p}/checkups", person).then().statusCode(404);

        Response unknown = given().auth().oauth2(Keycloak.clientToken(OTHER_CLINIC))
                .get("/api/v1/persons/{p}/medications", UUID.randomUUID());
        unknown.then().statusCode(404);
        for (String other : List.of(OTHER_CLINIC, PHARMACY)) {
            Response refused = given().auth().oauth2(Keycloak.clientToken(other))
                    .get("/api/v1/persons/{p}/medications", person);
            refused.then().statusCode(404);
            assertEquals(unknown.<String>path("detail"), refused.<String>path("detail"),
                    "a refusal reads as an unknown person");
            assertEquals(unknown.<String>path("code"), refused.<String>path("code"));
        }
    }

    @Test
    @Order(4)
    void theDuplicateCheckFindsTheActiveSameIngredientDrugAndIgnoresTheFinishedOne() {
        given().auth().oauth2(Keycloak.clientToken(CLINIC)).contentType(ContentType.JSON)
                .body(Map.of("startOn", TODAY.toString(), "drugs",
                        List.of(Map.of("drugCode", "1149019F1021"), Map.of("drugCode", FINISHED_DRUG))))
                .post("/api/v1/persons/{p}/medications/duplicate-check", person).then().statusCode(200)
                .body("overlapping.size()", equalTo(1))
                .body("overlapping[0].plannedDrugCode", equalTo("1149019F1021"))
                .body("overlapping[0].dispensing.drugCode", equalTo(ACTIVE_DRUG));
    }

    private static Map<String, Object> dispensing(LocalDate on, String drugCode, String drugName, String ingredient,
            int days) {
        Map<String, Object> line = new HashMap<>(Map.of("insurerNumber", INSURER, "symbol", SYMBOL, "number", NUMBER,
                "branch", "00", "dispensedOn", on.toString(), "prescribedOn", on.toString(), "drugCode", drugCode,
                "drugName", drugName, "quantity", 21, "unit", "錠"));
        line.putAll(Map.of("ingredient", ingredient, "usage", "1日3回毎食後", "days", days, "setting", "OUTPATIENT",
                "dispensingFacilityCode",
                "1340123452", "prescribingFacilityCode", "0110113719"));
        return line;
    }

    private static Response dispensingReport(Duration patience, java.util.function.Predicate<Response> done) {
        String feed = Keycloak.clientToken("claims-feed");
        Response report = KafkaTestKit.await("the dispensing batch's report", patience, () -> given().auth()
                .oauth2(feed).get("/api/v1/claims/dispensing-batches/{id}", dispensingBatch), done);
        report.then().statusCode(200);
        return report;
    }
}
