package io.shikaku.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * Emergency and disaster access and the patient's own portal (DOMAIN.md §8, issue 10), through the gateway with tokens
 * from the real Keycloak: the ministry declares a disaster in Tokyo; a doctor there identifies the demo patient by all
 * four attributes (an address matched in part) and sees the medication until the grant expires, while no other facility
 * does; the patient reads that access in their own log with the doctor's profession; a lookup outside the region or the
 * period, with a field missing, matching two people, or past the staff member's limit is refused; and a row of the
 * access log changed, inserted or deleted in the database is found by the verification.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmergencyAndPatientThroughGatewayTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final LocalDate TODAY = LocalDate.now(JAPAN);
    /** The demo patient (realm user patient-demo): 山田 太郎, born 1980-04-01, of 東京都中野区鷺宮1-1. */
    private static final String PATIENT = "00000000-0000-4000-8000-000000000001";
    /** The realm's emergency-doctor works at this Tokyo facility. */
    private static final String TOKYO_FACILITY = "1310123458";
    private static final String INSURER = "06130017";
    private static final Suite SUITE = new Suite();

    @BeforeAll
    static void startSuite() throws Exception {
        SUITE.startAll();
        RestAssured.baseURI = Suite.gatewayUrl();
        // names for the patient's view: the facility master, through facility-lifecycle
        given().auth().oauth2(Keycloak.userToken("portal-admin")).contentType("text/csv; charset=UTF-8")
                .body("facilityCode,type,prefecture,name,accountRegisteredOn,readerAppliedOn,readersApplied,readyOn,"
                        + "goLiveOn\n" + TOKYO_FACILITY + ",HOSPITAL,13,新宿デモ病院,2021-04-01,2021-05-01,1,2021-09-01,"
                        + "2021-10-01\n1340123452,PHARMACY,13,新宿デモ薬局,2021-04-01,2021-05-01,1,2021-09-01,"
                        + "2021-10-01\n0110113719,MEDICAL_CLINIC,01,札幌デモクリニック,2021-04-01,2021-05-01,1,"
                        + "2021-09-01,2021-10-01\n")
                .post("/api/v1/facilities/imports").then().statusCode(200).body("imported", equalTo(3));
        // the patient's dispensing, prescribed in Sapporo and dispensed in Shinjuku
        Map<String, Object> line = new HashMap<>(Map.of("insurerNumber", INSURER, "symbol", "1234", "number", "5678",
                "branch", "00", "dispensedOn", TODAY.minusDays(3).toString(), "prescribedOn",
                TODAY.minusDays(3).toString(), "drugCode", "2171022F1020", "drugName", "アムロジピン錠5mg", "quantity", 28,
                "unit", "錠"));
        line.putAll(Map.of("ingredient", "アムロジピンベシル酸塩", "usage", "1日1回朝食後", "days", 28, "setting",
                "OUTPATIENT", "dispensingFacilityCode", "1340123452", "prescribingFacilityCode", "0110113719"));
        String feed = Keycloak.clientToken("claims-feed");
        String batch = given().auth().oauth2(feed).contentType(ContentType.JSON)
                .header("Idempotency-Key", "e2e-emergency-" + System.nanoTime())
                .body(Map.of("records", List.of(line))).post("/api/v1/claims/dispensing-batches").then()
                .statusCode(202).extract().path("batchId");
        KafkaTestKit.await("the patient's dispensing to attach", () -> given().auth().oauth2(feed)
                .get("/api/v1/claims/dispensing-batches/{id}", batch),
                r -> Integer.valueOf(1).equals(r.path("attached")));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        SUITE.resetClock();
        SUITE.stopAll();
    }

    @Test
    @Order(1)
    void theMinistryDeclaresADisasterInTokyo() {
        String ministry = Keycloak.userToken("ministry-operator");
        given().auth().oauth2(ministry).contentType(ContentType.JSON)
                .body(Map.of("name", "首都直下地震 (e2e)", "prefectures", List.of("13", "14"), "from",
                        TODAY.minusDays(1).toString(), "until", TODAY.plusDays(2).toString()))
                .post("/api/v1/disasters").then().statusCode(201).header("Location", notNullValue())
                .body("disasterId", notNullValue());
        given().auth().oauth2(ministry).get("/api/v1/disasters").then().statusCode(200)
                .body("find { it.name == '首都直下地震 (e2e)' }.prefectures", equalTo(List.of("13", "14")));
        given().auth().oauth2(Keycloak.clientToken("clinic-0110113719")).get("/api/v1/disasters").then()
                .statusCode(403);
    }

    @Test
    @Order(2)
    void aLookupWithoutAllFourAttributesOrTheAcknowledgementIsRefused() {
        String doctor = Keycloak.userToken("emergency-doctor");
        Map<String, Object> threeOfFour = lookup("山田 太郎", "1980-04-01", "MALE", null);
        given().auth().oauth2(doctor).contentType(ContentType.JSON).body(threeOfFour)
                .post("/api/v1/emergency/lookups").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Map<String, Object> unacknowledged = lookup("山田 太郎", "1980-04-01", "MALE", "鷺宮");
        unacknowledged.put("acknowledgedSpecialAccess", false);
        given().auth().oauth2(doctor).contentType(ContentType.JSON).body(unacknowledged)
                .post("/api/v1/emergency/lookups").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    @Order(3)
    void aDoctorInTheRegionFindsThePatientByPartOfTheAddressAndSeesTheMedicationUntilTheGrantExpires()
            throws Exception {
        String doctor = Keycloak.userToken("emergency-doctor");
        // the name written without the space, the address by its district only
        Response found = given().auth().oauth2(doctor).contentType(ContentType.JSON)
                .body(lookup("山田太郎", "1980-04-01", "MALE", "鷺宮")).post("/api/v1/emergency/lookups");
        found.then().statusCode(200).body("personId", equalTo(PATIENT)).body("grantId", notNullValue())
                .body("expiresAt", notNullValue());

        // at once, to that facility's staff and clinic system, and to no other facility
        Response shown = given().auth().oauth2(doctor).get("/api/v1/persons/{p}/medications", PATIENT);
        shown.then().statusCode(200).body("dispensings.size()", equalTo(1))
                .body("dispensings[0].drugCode", equalTo("2171022F1020"))
                .body(not(org.hamcrest.Matchers.containsString("1340123452")));
        given().auth().oauth2(Keycloak.clientToken("clinic-" + TOKYO_FACILITY))
                .get("/api/v1/persons/{p}/checkups", PATIENT).then().statusCode(200);
        given().auth().oauth2(Keycloak.clientToken("clinic-0110113719"))
                .get("/api/v1/persons/{p}/medications", PATIENT).then().statusCode(404);

        // eight hours later the grant has expired
        try {
            SUITE.moveClock(Duration.ofHours(8).plusMinutes(1));
            given().auth().oauth2(doctor).get("/api/v1/persons/{p}/medications", PATIENT).then().statusCode(404);
        } finally {
            SUITE.resetClock();
        }
    }

    @Test
    @Order(4)
    void thePatientSeesTheDoctorsAccessWithTheProfessionAndTheirOwnMedicationWithFacilityNames() {
        String patient = Keycloak.userToken("patient-demo");
        Response log = KafkaTestKit.await("the doctor's view in the patient's access log", () -> given().auth()
                .oauth2(patient).get("/api/v1/me/access-log"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("items.findAll { it.basis == 'DISASTER' "
                        + "&& it.kind == 'MEDICATION' }").size() == 1);
        log.then().body("items.find { it.kind == 'MEDICATION' }.facilityCode", equalTo(TOKYO_FACILITY))
                .body("items.find { it.kind == 'MEDICATION' }.facilityName", equalTo("新宿デモ病院"))
                .body("items.find { it.kind == 'MEDICATION' }.profession", equalTo("DOCTOR"))
                .body(not(org.hamcrest.Matchers.containsString("viewerSubject")));

        Response own = KafkaTestKit.await("the facility names in the patient's medication", () -> given().auth()
                .oauth2(patient).get("/api/v1/me/medications"),
                r -> "新宿デモ薬局".equals(r.path("dispensings[0].dispensingFacilityName")));
        own.then().body("dispensings[0].prescribingFacilityName", equalTo("札幌デモクリニック"));
        given().auth().oauth2(patient).get("/api/v1/me/checkups").then().statusCode(200);
    }

    @Test
    @Order(5)
    void aPatientTokenNeverReadsAnotherPerson() {
        String patient = Keycloak.userToken("patient-demo");
        String other = "00000000-0000-4000-8000-000000000002";
        given().auth().oauth2(patient).get("/api/v1/persons/{p}/medications", other).then().statusCode(403);
        given().auth().oauth2(patient).get("/api/v1/persons/{p}/checkups", other).then().statusCode(403);
        given().auth().oauth2(patient).queryParam("person", other).get("/api/v1/audit/access-log").then()
                .statusCode(403);
        Response mine = given().auth().oauth2(patient).queryParam("personId", other).get("/api/v1/me/access-log");
        mine.then().statusCode(200).body(not(org.hamcrest.Matchers.containsString(other)));
    }

    @Test
    @Order(6)
    void twoPeopleWhoBothMatchAreNoSingleMatchAndNothingIsDisclosed() {
        String name = "双子 " + Fresh.serial().substring(0, 4);
        for (int i = 0; i < 2; i++) {
            registerMember(name, "2001-02-03", "FEMALE", "東京都中野区中央" + (i + 1) + "-1", "E2T" + i);
        }
        Response refused = given().auth().oauth2(Keycloak.userToken("emergency-doctor")).contentType(ContentType.JSON)
                .body(lookup(name, "2001-02-03", "FEMALE", "中野")).post("/api/v1/emergency/lookups");
        refused.then().statusCode(404).body("code", equalTo("NO_SINGLE_MATCH"))
                .body(not(org.hamcrest.Matchers.containsString("2 ")))
                .body(not(org.hamcrest.Matchers.containsString("two")));
        assertFalse(refused.asString().contains("personId"), refused.asString());
    }

    @Test
    @Order(7)
    void aFacilityOutsideTheRegionOrALookupAfterThePeriodIsOutsideTheDisasterScope() throws Exception {
        String sapporo = Keycloak.clientToken(Keycloak.registerEmergencyStaff("0110113719", "DOCTOR"));
        given().auth().oauth2(sapporo).contentType(ContentType.JSON)
                .body(lookup("山田 太郎", "1980-04-01", "MALE", "鷺宮")).post("/api/v1/emergency/lookups").then()
                .statusCode(403).body("code", equalTo("OUTSIDE_DISASTER_SCOPE"));
        String doctor = Keycloak.userToken("emergency-doctor");
        try {
            SUITE.moveClock(Duration.ofDays(4));
            given().auth().oauth2(doctor).contentType(ContentType.JSON)
                    .body(lookup("山田 太郎", "1980-04-01", "MALE", "鷺宮")).post("/api/v1/emergency/lookups").then()
                    .statusCode(403).body("code", equalTo("OUTSIDE_DISASTER_SCOPE"));
        } finally {
            SUITE.resetClock();
        }
    }

    @Test
    @Order(8)
    void aStaffMemberWhoKeepsLookingPeopleUpIsStopped() {
        String staff = Keycloak.clientToken(Keycloak.registerEmergencyStaff("1340123452", "PHARMACIST"));
        Response last = null;
        for (int i = 0; i < 30; i++) {
            last = given().auth().oauth2(staff).contentType(ContentType.JSON)
                    .body(lookup("山田 太郎", "1980-04-01", "MALE", "存在しない町" + i))
                    .post("/api/v1/emergency/lookups");
            if (last.statusCode() == 429) {
                break;
            }
            last.then().statusCode(404).body("code", equalTo("NO_SINGLE_MATCH"));
        }
        last.then().statusCode(429).body("code", equalTo("RATE_LIMITED")).header("Retry-After", notNullValue());
    }

    @Test
    @Order(9)
    void anEmergencyLookupByCardNeedsAnEmergencyTerminal() {
        String doctor = Keycloak.userToken("emergency-doctor");
        Map<String, Object> byCard = new HashMap<>(Map.of("basis", "EMERGENCY", "cardSerial", "0A1B2C3D4E5F0001",
                "patientConsent", "UNABLE_LIFE_AT_RISK", "acknowledgedSpecialAccess", true));
        given().auth().oauth2(doctor).contentType(ContentType.JSON).body(byCard).post("/api/v1/emergency/lookups")
                .then().statusCode(403);
        given().auth().oauth2(Keycloak.userToken("portal-admin")).contentType(ContentType.JSON)
                .body(Map.of("enabled", true)).put("/api/v1/facilities/{f}/emergency-terminal", TOKYO_FACILITY)
                .then().statusCode(200);
        Response found = KafkaTestKit.await("the emergency terminal to be known", () -> given().auth().oauth2(doctor)
                .contentType(ContentType.JSON).body(byCard).post("/api/v1/emergency/lookups"),
                r -> r.statusCode() != 403);
        found.then().statusCode(200).body("personId", equalTo(PATIENT));
    }

    @Test
    @Order(10)
    void theAuditorFindsEveryLookupAndViewAndAnyRowChangedInsertedOrDeletedInTheDatabase() throws Exception {
        String auditor = Keycloak.userToken("auditor");
        // the two lookups and the two views of the patient, appended from record-views
        Response entries = KafkaTestKit.await("the lookups and views in the audit log", () -> given().auth()
                .oauth2(auditor).queryParam("person", PATIENT).get("/api/v1/audit/access-log"),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("total") >= 4);
        entries.then().body("items.findAll { it.kind == 'LOOKUP' }.basis", equalTo(List.of("EMERGENCY", "DISASTER")))
                .body("items.find { it.kind == 'MEDICATION' }.viewerSubject", notNullValue());
        given().auth().oauth2(Keycloak.userToken("patient-demo")).get("/api/v1/audit/access-log").then()
                .statusCode(403);

        Response intact = given().auth().oauth2(auditor).get("/api/v1/audit/access-log/verification");
        intact.then().statusCode(200).body("valid", equalTo(true)).body("firstBrokenEntry", equalTo(null));
        assertTrue(intact.<Integer>path("entries") >= 4, intact.asString());

        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://localhost:5432/" + Suite.ELIGIBILITY.database(), "shikaku", "shikaku");
                Statement sql = db.createStatement()) {
            // the table's owner can give itself the rights back and switch the guard off: the chain still tells
            sql.execute("GRANT UPDATE, DELETE ON access_log TO CURRENT_USER");
            sql.execute("ALTER TABLE access_log DISABLE TRIGGER USER");
            sql.execute("CREATE TABLE access_log_copy AS SELECT * FROM access_log WHERE sequence = 2");

            sql.execute("UPDATE access_log SET facility_code = '0110113719' WHERE sequence = 2");
            assertBrokenAt(auditor, 2);
            sql.execute("UPDATE access_log SET facility_code = (SELECT facility_code FROM access_log_copy)"
                    + " WHERE sequence = 2");
            given().auth().oauth2(auditor).get("/api/v1/audit/access-log/verification").then()
                    .body("valid", equalTo(true));

            sql.execute("DELETE FROM access_log WHERE sequence = 2");
            assertBrokenAt(auditor, 2);

            // an entry put in its place, linked to the one before, under a hash its writer had to guess
            sql.execute("INSERT INTO access_log SELECT sequence, gen_random_uuid(), accessed_at, recorded_at,"
                    + " person_id, '0110113719', viewer_subject, profession, kind, basis, previous_hash,"
                    + " sha256(previous_hash) FROM access_log_copy");
            assertBrokenAt(auditor, 2);
        }
    }

    private static void assertBrokenAt(String auditor, int entry) {
        Response verdict = given().auth().oauth2(auditor).get("/api/v1/audit/access-log/verification");
        verdict.then().statusCode(200).body("valid", equalTo(false));
        assertEquals(entry, verdict.<Integer>path("firstBrokenEntry"), verdict.asString());
    }

    private static Map<String, Object> lookup(String name, String birthDate, String sex, String insurerNameOrAddress) {
        Map<String, Object> body = new HashMap<>(Map.of("basis", "DISASTER", "name", name, "birthDate", birthDate,
                "sex", sex, "patientConsent", "UNABLE_LIFE_AT_RISK", "acknowledgedSpecialAccess", true));
        if (insurerNameOrAddress != null) {
            body.put("insurerNameOrAddress", insurerNameOrAddress);
        }
        return body;
    }

    /** A member of the demo insurer, made known as insurers and the resident registry make people known. */
    private static void registerMember(String name, String birthDate, String sex, String address, String symbol) {
        String myNumber = Fresh.myNumber();
        given().auth().oauth2(Keycloak.clientToken("registry-feed")).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(Map.of("myNumber", myNumber, "name", name, "nameKana", "フタゴ",
                        "sex", sex, "birthDate", birthDate, "address", address))))
                .post("/api/v1/resident-registry/imports").then().statusCode(200);
        String insurer = Keycloak.clientToken("insurer-" + INSURER);
        Map<String, Object> member = new HashMap<>(Map.of("op", "UPSERT", "myNumber", myNumber, "name", name,
                "nameKana", "フタゴ", "sex", sex, "birthDate", birthDate, "address", address, "symbol", symbol,
                "number", "1", "branch", "00"));
        member.putAll(Map.of("relationship", "INSURED", "validFrom", "2020-04-01", "copaymentRate", 30));
        String batch = given().auth().oauth2(insurer).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(member))).post("/api/v1/insurers/{n}/member-batches", INSURER)
                .then().statusCode(202).extract().path("batchId");
        KafkaTestKit.await("the member batch to complete", () -> given().auth().oauth2(insurer)
                .get("/api/v1/insurers/{n}/member-batches/{id}", INSURER, batch),
                r -> "COMPLETED".equals(r.path("status"))).then().body("accepted", equalTo(1));
    }
}
