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

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * same-ingredient drug and ignores a finished one; a consent to both opens the checkups too, each view counted once in
 * the usage statistics; 24 hours later (the services' clock moved) the same facility sees nothing.
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

        // the person-qualifications event reaches the medication service asynchronously
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

    @Test
    @Order(6)
    void aConsentToBothOpensTheCheckupsAtOnceAndEachViewCountsOnceInTheUsageStatistics() throws Exception {
        String insurer = Keycloak.clientToken("insurer-" + INSURER);
        Map<String, Object> items = Map.of("heightCm", 170.0, "weightKg", 80.0, "waistCm", 90.0, "systolic", 135,
                "diastolic", 80, "triglycerides", 160, "hdl", 45, "fastingGlucose", 95);
        // the checkup service learns the insurer's members from person-qualifications, asynchronously: until it has
        // read this one, the line is refused as not covered, so send again until it is accepted
        KafkaTestKit.await("the checkup batch to be accepted", ATTACHING, () -> {
            String batch = given().auth().oauth2(insurer).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "e2e-checkup-" + UUID.randomUUID())
                    .body(Map.of("records", List.of(Map.of("symbol", SYMBOL, "number", NUMBER, "branch", "00", "sex",
                            "MALE", "examinedOn", TODAY.minusMonths(2).toString(), "items", items))))
                    .post("/api/v1/insurers/{n}/checkup-batches", INSURER).then().statusCode(202).extract()
                    .path("batchId");
            return KafkaTestKit.await("the checkup batch to complete", () -> given().auth().oauth2(insurer)
                    .get("/api/v1/insurers/{n}/checkup-batches/{id}", INSURER, batch),
                    r -> "COMPLETED".equals(r.path("status")));
        }, report -> Integer.valueOf(1).equals(report.path("accepted")));

        // the statistics count views by the facility's type in the registry's master: this suite's starts empty
        String admin = Keycloak.userToken("portal-admin");
        given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
                .body("facilityCode,type,prefecture,name,accountRegisteredOn,readerAppliedOn,readersApplied,readyOn,"
                        + "goLiveOn\n0110113719,MEDICAL_CLINIC,01,札幌テスト内科クリニック,2021-04-01,2021-05-01,1,2021-09-01,"
                        + "2021-10-01\n")
                .post("/api/v1/facilities/imports").then().statusCode(200).body("imported", equalTo(1));
        // on a day of its own, years ahead, so that no other test's views share the statistics' day
        String clinic = Keycloak.clientToken(CLINIC);
        // within the retention of both (medication 3 years, checkups 5) of the records shown: further ahead, the
        // views would show nothing and the retention jobs would purge them
        Duration ahead = Duration.ofDays(ThreadLocalRandom.current().nextInt(400, 1_000));
        try {
            SUITE.moveClock(ahead);
            given().auth().oauth2(clinic).contentType(ContentType.JSON)
                    .body(Map.of("method", "MY_NUMBER_CARD", "visitDate", today(ahead).toString(), "cardSerial", CARD,
                            "identityVerification", "PIN", "consent",
                            Map.of("medication", true, "checkup", true, "limitCategory", false)))
                    .post("/api/v1/eligibility/checks").then().statusCode(200).body("consent.checkup", equalTo(true));

            try (KafkaTestKit.Watch recordViews = KafkaTestKit.watch(SUITE.topic("record-views"))) {
                given().auth().oauth2(clinic).get("/api/v1/persons/{p}/checkups", person).then().statusCode(200)
                        .body("checkups.size()", equalTo(1)).body("checkups[0].items.bmi.value", equalTo(27.7f))
                        .body("checkups[0].metabolicSyndrome", equalTo("MEETS_CRITERIA"));
                ConsumerRecord<String, String> view = recordViews
                        .await(r -> r.value().contains(person) && r.value().contains("CHECKUP"));
                // the same event delivered twice
                KafkaTestKit.produce(view.topic(), view.key(), view.value(), Map.of("ce_id",
                        KafkaTestKit.header(view, "ce_id"), "ce_type", KafkaTestKit.header(view, "ce_type")));
            }
            // behind the copy on the person's partition: once this view is counted, the copy has been read
            given().auth().oauth2(clinic).get("/api/v1/persons/{p}/medications", person).then().statusCode(200);
            LocalDate day = today(ahead);
            KafkaTestKit.await("the medication view to be counted on " + day, ATTACHING, () -> views(admin, day),
                    counted -> counted[0] > 0);
            int[] counted = views(admin, day);
            assertEquals(1, counted[0], "medication views");
            assertEquals(1, counted[1], "checkup views (its event was delivered twice)");
        } finally {
            SUITE.resetClock();
        }
    }

    @Test
    @Order(5)
    void theSameFacilitySeesNothingOnceTheConsentsTwentyFourHoursHavePassed() throws Exception {
        String clinic = Keycloak.clientToken(CLINIC);
        given().auth().oauth2(clinic).get("/api/v1/persons/{p}/medications", person).then().statusCode(200);
        try {
            SUITE.moveClock(Duration.ofHours(24));
            given().auth().oauth2(clinic).get("/api/v1/persons/{p}/medications", person).then().statusCode(404)
                    .body("code", equalTo("NOT_FOUND"));
            given().auth().oauth2(clinic).get("/api/v1/persons/{p}/checkups", person).then().statusCode(404);
        } finally {
            SUITE.resetClock();
        }
    }

    /** The date in Japan with the services' clock {@code ahead}. */
    private static LocalDate today(Duration ahead) {
        return LocalDate.ofInstant(java.time.Instant.now().plus(ahead), ZoneId.of("Asia/Tokyo"));
    }

    /** Medication and checkup views by all facilities on {@code day} and the day before, as the statistics count. */
    private static int[] views(String admin, LocalDate day) {
        Response usage = given().auth().oauth2(admin).queryParam("from", day.minusDays(1).toString())
                .queryParam("to", day.toString()).get("/api/v1/stats/usage");
        usage.then().statusCode(200);
        return new int[] {usage.path("total.medicationViews"), usage.path("total.checkupViews")};
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
