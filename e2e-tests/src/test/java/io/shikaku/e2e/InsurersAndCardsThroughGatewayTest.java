package io.shikaku.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

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
 * Insurers keep members right and patients use My Number cards (DOMAIN.md §4–5), through the gateway with tokens from
 * the real Keycloak: a mixed member batch, a second insurer, card registration, a card check with consent, a revoked
 * card, a 10,000-entry bulk inquiry, the events on their topics, and no My Number anywhere it must not be.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InsurersAndCardsThroughGatewayTest {

    private static final String FIRST_INSURER = "33120015";
    private static final String SECOND_INSURER = "06130017";
    private static final String CLINIC = "clinic-0110113719";
    private static final String VISIT = "2026-11-21";
    private static final Suite SUITE = new Suite();

    /** This run's My Numbers (the broker outlives runs): Ichiro's agrees with the registry, Hanako's does not. */
    private static final String ICHIRO = Fresh.myNumber();
    private static final String HANAKO = Fresh.myNumber();
    private static final String BAD_CHECK_DIGIT = PersonalData.used(ICHIRO.substring(0, 11)
            + ((ICHIRO.charAt(11) - '0' + 1) % 10));
    private static final String ICHIRO_NUMBER = "E" + ThreadLocalRandom.current().nextInt(10_000_000);
    private static final String CARD = Fresh.serial();
    private static final String GORO_NUMBER = ICHIRO_NUMBER + "5";
    /** The demo card of the user patient-demo (db/demo V3). */
    private static final String DEMO_CARD = "0A1B2C3D4E5F0001";

    private static KafkaTestKit.Watch consents;
    private static KafkaTestKit.Watch qualifications;
    private static String ichiroPerson;
    private static String firstBatch;

    @BeforeAll
    static void startSuite() throws Exception {
        SUITE.startAll();
        RestAssured.baseURI = Suite.gatewayUrl();
        consents = KafkaTestKit.watch(SUITE.topic("consents"));
        qualifications = KafkaTestKit.watch(SUITE.topic("person-qualifications"));
    }

    @AfterAll
    static void stopSuite() throws InterruptedException {
        if (consents != null) {
            consents.close();
            qualifications.close();
        }
        SUITE.stopAll();
    }

    @Test
    @Order(1)
    void theRegistryFeedLoadsTheResidentsLinkagesAreCheckedAgainst() {
        Response imported = given().auth().oauth2(Keycloak.clientToken("registry-feed")).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(
                        resident(ICHIRO, "鈴木 一郎", "スズキ イチロウ", "MALE", "1985-05-05", "東京都中野区鷺宮1-1-1"),
                        resident(HANAKO, "佐藤 花子", "サトウ ハナコ", "FEMALE", "1990-10-10", "大阪府大阪市北区梅田1-1"))))
                .post("/api/v1/resident-registry/imports");
        imported.then().statusCode(200).body("received", equalTo(2)).body("upserted", equalTo(2));
        assertNoMyNumberIn(imported.asString());
    }

    @Test
    @Order(2)
    void aMixedBatchGivesExactlyTheExpectedOutcomeForEachLineAndARepeatChangesNothing() {
        String insurer = Keycloak.clientToken("insurer-" + FIRST_INSURER);
        Map<String, Object> batch = Map.of("records", List.of(
                // 1: the registry agrees: applied
                member(ICHIRO, "鈴木　一郎", "スズキ イチロウ", "MALE", "1985-05-05", "東京都 中野区 鷺宮１－１－１",
                        "E2E", ICHIRO_NUMBER, "2020-04-01", 30, "A03"),
                // 2: no My Number: applied without the registry (Goro)
                member(null, "田中 五郎", "タナカ ゴロウ", "MALE", "1960-06-06", "東京都港区1-5", "E2E", GORO_NUMBER,
                        "2019-04-01", 30, "A04"),
                // 3: the registry knows Hanako at another address: held
                member(HANAKO, "佐藤 花子", "サトウ ハナコ", "FEMALE", "1990-10-10", "大阪府堺市堺区1-1", "E2E",
                        ICHIRO_NUMBER + "9", "2020-04-01", 30, "A03"),
                // 4: Ichiro's My Number on Goro's numbers: held, and Ichiro's viewing suspended
                member(ICHIRO, "鈴木 一郎", "スズキ イチロウ", "MALE", "1985-05-05", "東京都中野区鷺宮1-1-1", "E2E",
                        GORO_NUMBER, "2019-04-01", 30, "A03"),
                // 5: a My Number with a wrong check digit: rejected
                member(BAD_CHECK_DIGIT, "鈴木 一郎", "スズキ イチロウ", "MALE", "1985-05-05", "東京都中野区鷺宮1-1-1",
                        "E2E", ICHIRO_NUMBER + "8", "2020-04-01", 30, "A03"),
                // 6: ends before it starts: rejected
                with(member(null, "田中 三郎", "タナカ サブロウ", "MALE", "1970-01-01", "東京都港区1-1", "E2E",
                        ICHIRO_NUMBER + "7", "2020-04-01", 30, "A03"), "validUntil", "2019-03-31"),
                // 7: a copayment rate that does not exist: rejected
                member(null, "田中 四郎", "タナカ シロウ", "MALE", "1971-01-01", "東京都港区1-2", "E2E",
                        ICHIRO_NUMBER + "6", "2020-04-01", 40, "A03")));
        String key = UUID.randomUUID().toString();
        String batchId = submit(insurer, FIRST_INSURER, batch, key).then().statusCode(202)
                .header("Location", notNullValue()).extract().path("batchId");

        Response report = completed(insurer, FIRST_INSURER, batchId);
        report.then().body("accepted", equalTo(2)).body("held", equalTo(2)).body("rejected", equalTo(3))
                .body("lines.line", equalTo(List.of(1, 2, 3, 4, 5, 6, 7)))
                .body("lines.outcome", equalTo(List.of("ACCEPTED", "ACCEPTED", "HELD", "HELD", "REJECTED",
                        "REJECTED", "REJECTED")))
                .body("lines.code", equalTo(Arrays.asList(null, null, "RESIDENT_ATTRIBUTES_MISMATCH",
                        "MY_NUMBER_LINKED_TO_OTHER_PERSON", "INVALID_MY_NUMBER", "INVALID_DATES",
                        "INVALID_FIELD")));
        assertNoMyNumberIn(report.asString());
        int held = heldOf(insurer, batchId).size();
        assertEquals(2, held, "held records of the batch");

        submit(insurer, FIRST_INSURER, batch, key).then().statusCode(202).body("batchId", equalTo(batchId));
        completed(insurer, FIRST_INSURER, batchId).then().body("accepted", equalTo(2)).body("held", equalTo(2));
        assertEquals(held, heldOf(insurer, batchId).size(), "held records after the repeat");
        submit(insurer, FIRST_INSURER, Map.of("records", List.of(member(ICHIRO, "鈴木 一郎", "スズキ イチロウ",
                "MALE", "1985-05-05", "東京都中野区鷺宮1-1-1", "E2E", ICHIRO_NUMBER, "2021-04-01", 30, "A03"))), key)
                .then().statusCode(409).body("code", equalTo("CONFLICT"));

        ichiroPerson = checkByNumbers(FIRST_INSURER, "E2E", ICHIRO_NUMBER, "1985-05-05").then().statusCode(200)
                .body("validity", equalTo("VALID")).body("qualification.name", equalTo("鈴木　一郎"))
                .extract().path("personId");
        firstBatch = batchId;
        ConsumerRecord<String, String> suspended = qualifications.await(r -> ichiroPerson.equals(r.key())
                && r.value().contains("\"viewingSuspended\":true"));
        assertNoMyNumberIn(suspended.value());
    }

    @Test
    @Order(3)
    void anInsurerActsOnlyForItsOwnNumber() {
        String other = Keycloak.clientToken("insurer-" + SECOND_INSURER);
        submit(other, FIRST_INSURER, Map.of("records", List.of()), null).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(other).get("/api/v1/insurers/{n}/held-records", FIRST_INSURER).then().statusCode(403);
    }

    @Test
    @Order(4)
    void thePersonsSecondInsurerMakesTheFirstNumbersAnswerNewerExists() {
        String insurer = Keycloak.clientToken("insurer-" + SECOND_INSURER);
        String batchId = submit(insurer, SECOND_INSURER, Map.of("records", List.of(member(ICHIRO, "鈴木 一郎",
                "スズキ イチロウ", "MALE", "1985-05-05", "東京都中野区鷺宮1-1-1", "E2E2", ICHIRO_NUMBER, "2026-04-01", 30,
                "A02"))), null).then().statusCode(202).extract().path("batchId");
        completed(insurer, SECOND_INSURER, batchId).then().body("accepted", equalTo(1));

        checkByNumbers(FIRST_INSURER, "E2E", ICHIRO_NUMBER, "1985-05-05").then().statusCode(200)
                .body("validity", equalTo("INVALID_NEWER_EXISTS"))
                .body("personId", equalTo(ichiroPerson))
                .body("qualification.insurerNumber", equalTo(SECOND_INSURER))
                .body("qualification.symbol", equalTo("E2E2"))
                .body("qualification.limitCategory", equalTo(null))
                .body("$", not(hasKey("consent")));
        ConsumerRecord<String, String> event = qualifications.await(r -> ichiroPerson.equals(r.key())
                && r.value().contains(SECOND_INSURER));
        assertNoMyNumberIn(event.value());
    }

    @Test
    @Order(5)
    void aRegisteredCardWithConsentIsValidAndTheConsentLasts24Hours() {
        String clinic = Keycloak.clientToken(CLINIC);
        Response registered = given().auth().oauth2(clinic).contentType(ContentType.JSON)
                .body(Map.of("cardSerial", CARD, "myNumber", ICHIRO, "validUntil", "2035-05-05"))
                .post("/api/v1/card-registrations");
        registered.then().statusCode(201).body("cardSerial", equalTo(CARD));
        assertNoMyNumberIn(registered.asString());
        given().auth().oauth2(clinic).contentType(ContentType.JSON)
                .body(Map.of("cardSerial", CARD, "myNumber", ICHIRO, "validUntil", "2035-05-05"))
                .post("/api/v1/card-registrations").then().statusCode(409)
                .body("code", equalTo("CARD_ALREADY_REGISTERED"));
        given().auth().oauth2(clinic).contentType(ContentType.JSON)
                .body(Map.of("cardSerial", Fresh.serial(), "myNumber", HANAKO, "validUntil", "2035-05-05"))
                .post("/api/v1/card-registrations").then().statusCode(422)
                .body("code", equalTo("MY_NUMBER_NOT_LINKED"));

        // Ichiro's linkage is in doubt (line 4 of the first batch): the card works, but no consent is recorded
        checkByCard(clinic, CARD, Map.of("medication", true, "checkup", true, "limitCategory", true)).then()
                .statusCode(200).body("validity", equalTo("VALID"))
                .body("consent.medication", equalTo(false)).body("consent.expiresAt", equalTo(null))
                .body("notes", hasItem("LINKAGE_UNDER_REVIEW"));
        given().auth().oauth2(clinic).get("/api/v1/eligibility/consents/{person}", ichiroPerson).then()
                .statusCode(404);

        // the insurer reviews and discards the held line: viewing is no longer suspended
        String insurer = Keycloak.clientToken("insurer-" + FIRST_INSURER);
        String doubtful = heldOf(insurer, firstBatch).stream()
                .filter(h -> "MY_NUMBER_LINKED_TO_OTHER_PERSON".equals(h.get("code")))
                .map(h -> (String) h.get("heldRecordId")).findFirst().orElseThrow();
        given().auth().oauth2(insurer).delete("/api/v1/insurers/{n}/held-records/{id}", FIRST_INSURER, doubtful)
                .then().statusCode(204);
        qualifications.await(r -> ichiroPerson.equals(r.key()) && r.value().contains("\"viewingSuspended\":false"));

        Response check = checkByCard(clinic, CARD, Map.of("medication", true, "checkup", true, "limitCategory", true));
        check.then().statusCode(200).body("validity", equalTo("VALID")).body("method", equalTo("MY_NUMBER_CARD"))
                .body("personId", equalTo(ichiroPerson))
                .body("qualification.insurerNumber", equalTo(SECOND_INSURER))
                .body("qualification.limitCategory", equalTo("A02"))
                .body("consent.medication", equalTo(true)).body("consent.checkup", equalTo(true));
        Instant checkedAt = Instant.parse(check.path("checkedAt"));
        assertEquals(checkedAt.plus(Duration.ofHours(24)), Instant.parse(check.path("consent.expiresAt")));
        assertNoMyNumberIn(check.asString());

        given().auth().oauth2(clinic).get("/api/v1/eligibility/consents/{person}", ichiroPerson).then()
                .statusCode(200).body("expiresAt", equalTo(check.path("consent.expiresAt")));
        given().auth().oauth2(Keycloak.clientToken("clinic-1310123458"))
                .get("/api/v1/eligibility/consents/{person}", ichiroPerson).then().statusCode(404);
        ConsumerRecord<String, String> consent = consents.await(r -> ichiroPerson.equals(r.key()));
        assertTrue(consent.value().contains("0110113719"), consent.value());
        assertNoMyNumberIn(consent.value());

        checkByCard(clinic, CARD, Map.of("medication", false, "checkup", false, "limitCategory", false)).then()
                .statusCode(200).body("validity", equalTo("VALID"))
                .body("qualification.limitCategory", equalTo(null));
        checkByCard(clinic, Fresh.serial(), Map.of("medication", true, "checkup", true, "limitCategory", false))
                .then().statusCode(422).body("code", equalTo("CARD_UNKNOWN"));
    }

    @Test
    @Order(6)
    void aPatientRevokesTheirLostCardAndItIsRefusedFromThenOn() {
        String clinic = Keycloak.clientToken(CLINIC);
        checkByCard(clinic, DEMO_CARD, Map.of("medication", false, "checkup", false, "limitCategory", false)).then()
                .statusCode(200).body("validity", equalTo("VALID"));
        given().auth().oauth2(clinic).delete("/api/v1/card-registrations/{serial}", DEMO_CARD).then().statusCode(403);
        String patient = Keycloak.userToken("patient-demo");
        given().auth().oauth2(patient).delete("/api/v1/card-registrations/{serial}", CARD).then().statusCode(404);
        given().auth().oauth2(patient).delete("/api/v1/card-registrations/{serial}", DEMO_CARD).then()
                .statusCode(204);
        checkByCard(clinic, DEMO_CARD, Map.of("medication", true, "checkup", true, "limitCategory", false)).then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("CARD_REVOKED"));
    }

    @Test
    @Order(7)
    void aBulkInquiryOf10000EntriesCompletesWith10000Results() {
        String clinic = Keycloak.clientToken(CLINIC);
        List<Map<String, Object>> entries = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> entry = new HashMap<>(Map.of("reference", "bulk-" + i, "insurerNumber", "06130017",
                    "symbol", "1234", "number", "5678", "branch", i % 2 == 0 ? "00" : "01",
                    "birthDate", i % 2 == 0 ? "1980-04-01" : "1982-06-15"));
            if (i % 1_000 == 999) {
                entry.put("branch", "1");
            }
            entries.add(entry);
        }
        String inquiryId = given().auth().oauth2(clinic).contentType(ContentType.JSON)
                .body(Map.of("visitDate", VISIT, "entries", entries)).post("/api/v1/eligibility/bulk-inquiries")
                .then().statusCode(202).body("entries", equalTo(10_000)).extract().path("inquiryId");
        Response done = KafkaTestKit.await("the bulk inquiry to complete", Duration.ofSeconds(240),
                () -> given().auth().oauth2(clinic).queryParam("size", 10_000)
                        .get("/api/v1/eligibility/bulk-inquiries/{id}", inquiryId),
                r -> "COMPLETED".equals(r.path("status")));
        done.then().body("processed", equalTo(10_000)).body("normal", equalTo(9_990)).body("errors", equalTo(10))
                .body("results.size()", equalTo(10_000))
                .body("results[0].reference", equalTo("bulk-0")).body("results[0].validity", equalTo("VALID"))
                .body("results[999].error.code", equalTo("INVALID_FIELD"));
    }

    @Test
    @Order(99)
    void noMyNumberUsedInThisRunIsInAnyLogEventOrTableColumn() throws IOException, SQLException {
        List<String> used = List.of(ICHIRO, HANAKO, BAD_CHECK_DIGIT);
        try (Stream<Path> logs = Files.list(Suite.root().resolve("e2e-tests/target/e2e-logs"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                for (String myNumber : used) {
                    assertFalse(text.contains(myNumber), "a My Number in " + log.getFileName());
                }
            }
        }
        for (ConsumerRecord<String, String> event : Stream.concat(consents.seen().stream(),
                qualifications.seen().stream()).toList()) {
            assertNoMyNumberIn(event.value());
        }
        for (String database : List.of(Suite.ELIGIBILITY.database(), Suite.FACILITY.database(),
                Suite.MEDICATION.database(), Suite.CHECKUP.database())) {
            assertNoMyNumberInTables(database, used);
        }
    }

    /** Every row of every table of {@code database}, as text, holds none of {@code myNumbers}. */
    private static void assertNoMyNumberInTables(String database, List<String> myNumbers) throws SQLException {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("SHIKAKU_DB_HOST", "localhost") + ":"
                + System.getenv().getOrDefault("SHIKAKU_DB_PORT", "5432") + "/" + database;
        try (Connection db = DriverManager.getConnection(url,
                System.getenv().getOrDefault("SHIKAKU_DB_USER", "shikaku"),
                System.getenv().getOrDefault("SHIKAKU_DB_PASSWORD", "shikaku"));
                Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident"
                    + "(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema"
                    + " NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                for (String myNumber : myNumbers) {
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table + " t WHERE t::text"
                            + " LIKE '%" + myNumber + "%'")) {
                        rs.next();
                        assertEquals(0, rs.getLong(1), "rows of " + database + "." + table + " holding a My Number");
                    }
                }
            }
        }
    }

    private static void assertNoMyNumberIn(String text) {
        for (String myNumber : List.of(ICHIRO, HANAKO, BAD_CHECK_DIGIT)) {
            assertFalse(text.contains(myNumber), "a My Number in: " + text);
        }
    }

    private static Response submit(String token, String insurerNumber, Map<String, Object> batch, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(batch);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/insurers/{n}/member-batches", insurerNumber);
    }

    private static Response completed(String token, String insurerNumber, String batchId) {
        Response report = KafkaTestKit.await("the member batch to complete", Duration.ofSeconds(60),
                () -> given().auth().oauth2(token)
                        .get("/api/v1/insurers/{n}/member-batches/{id}", insurerNumber, batchId),
                r -> "COMPLETED".equals(r.path("status")));
        report.then().statusCode(200);
        return report;
    }

    private static List<Map<String, Object>> heldOf(String token, String batchId) {
        List<Map<String, Object>> held = given().auth().oauth2(token).queryParam("size", 1_000)
                .get("/api/v1/insurers/{n}/held-records", FIRST_INSURER).then().statusCode(200).extract()
                .path("heldRecords");
        return held.stream().filter(h -> batchId.equals(h.get("batchId"))).toList();
    }

    private static Response checkByNumbers(String insurer, String symbol, String number, String birthDate) {
        return given().auth().oauth2(Keycloak.clientToken(CLINIC)).contentType(ContentType.JSON)
                .body(Map.of("method", "INSURANCE_CARD", "visitDate", VISIT, "insurerNumber", insurer, "symbol",
                        symbol, "number", number, "branch", "00", "birthDate", birthDate, "reference", "e2e"))
                .post("/api/v1/eligibility/checks");
    }

    private static Response checkByCard(String token, String serial, Map<String, Boolean> consent) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("method", "MY_NUMBER_CARD", "visitDate", VISIT, "cardSerial", serial,
                        "identityVerification", "FACE", "consent", consent, "reference", "e2e-card"))
                .post("/api/v1/eligibility/checks");
    }

    private static Map<String, Object> resident(String myNumber, String name, String kana, String sex,
            String birthDate, String address) {
        return Map.of("myNumber", myNumber, "name", name, "nameKana", kana, "sex", sex, "birthDate", birthDate,
                "address", address);
    }

    private static Map<String, Object> member(String myNumber, String name, String kana, String sex, String birthDate,
            String address, String symbol, String number, String validFrom, int copaymentRate, String limitCategory) {
        Map<String, Object> line = new HashMap<>(Map.of("op", "UPSERT", "name", name, "nameKana", kana, "sex", sex,
                "birthDate", birthDate, "address", address, "symbol", symbol, "number", number, "branch", "00",
                "relationship", "INSURED"));
        line.putAll(Map.of("validFrom", validFrom, "copaymentRate", copaymentRate, "limitCategory", limitCategory));
        if (myNumber != null) {
            line.put("myNumber", myNumber);
        }
        return line;
    }

    private static Map<String, Object> with(Map<String, Object> line, String field, Object value) {
        line.put(field, value);
        return line;
    }
}
