package io.shikaku.eligibility.emergency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.event.Topics;
import io.shikaku.common.identifier.CheckDigit;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.testing.AdjustableClock;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.resident.FourAttributes;
import io.shikaku.eligibility.support.Fixtures;

/**
 * Emergency and disaster lookups (DOMAIN.md §8, API.md "Emergency and disaster"): who may look up, from where, whom
 * they identify, the grant they receive with its events, and the limit per staff member.
 */
@QuarkusTest
class EmergencyLookupTest {

    /** Prefectures no other test declares a disaster for, one per period this class needs. */
    private static final String STRUCK = "27";
    private static final String SHORT = "40";
    private static final String ENDED = "41";
    private static final String SPARED = "30";

    private static final String INSURER_NAME = "Alpha Health Insurance Society, Beta branch";
    private static final String ADDRESS = "1-1 Saginomiya, Nakano, Tokyo";

    @Inject
    AgroalDataSource db;

    @Inject
    AdjustableClock clock;

    private Fixtures fixtures;
    private String insurer;
    private String facility;
    private String subject;

    @BeforeEach
    void disasterDeclared() {
        fixtures = new Fixtures(db);
        String seven = "0627" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        insurer = seven + CheckDigit.of(seven);
        fixtures.insurer(insurer, INSURER_NAME);
        facility = liveFacility(STRUCK);
        subject = "emergency-" + UUID.randomUUID();
        declare(STRUCK, today().minusDays(1), today().plusDays(1));
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    private String liveFacility(String prefecture) {
        String code = Fixtures.freshFacilityCode(prefecture);
        fixtures.liveFacility(code);
        return code;
    }

    private static LocalDate today() {
        return LocalDate.now(CalendarDates.JAPAN);
    }

    private static String declare(String prefecture, LocalDate from, LocalDate until) {
        return given().auth().oauth2(Tokens.ministry()).contentType(ContentType.JSON)
                .body(Map.of("name", "test disaster", "prefectures", List.of(prefecture), "from", from.toString(),
                        "until", until.toString()))
                .post("/api/v1/disasters").then().statusCode(201).extract().path("disasterId");
    }

    /** A given name no other test uses, so that each test's persons are the only ones of their name. */
    private static String givenName() {
        return "太郎" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    /** An insured person of that name, born 1980-04-01, male, living at {@link #ADDRESS}. */
    private UUID insured(String name) {
        UUID person = fixtures.person(name, "MALE", "1980-04-01", ADDRESS);
        fixtures.qualification(person, insurer, "1", Fixtures.freshNumber(), "00", "2015-04-01", null);
        return person;
    }

    private static Map<String, Object> disasterLookup(String name, String insurerNameOrAddress) {
        Map<String, Object> body = new HashMap<>();
        body.put("basis", "DISASTER");
        body.put("name", name);
        body.put("birthDate", "1980-04-01");
        body.put("sex", "MALE");
        body.put("insurerNameOrAddress", insurerNameOrAddress);
        body.put("patientConsent", "OBTAINED");
        body.put("acknowledgedSpecialAccess", true);
        return body;
    }

    private static Map<String, Object> emergencyLookup(String cardSerial) {
        Map<String, Object> body = new HashMap<>();
        body.put("basis", "EMERGENCY");
        body.put("cardSerial", cardSerial);
        body.put("patientConsent", "UNABLE_LIFE_AT_RISK");
        body.put("acknowledgedSpecialAccess", true);
        return body;
    }

    private ValidatableResponse lookup(Map<String, Object> body) {
        return lookup(Tokens.emergencyStaff(subject, facility, "DOCTOR"), body);
    }

    private static ValidatableResponse lookup(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/emergency/lookups").then();
    }

    @Test
    void aDisasterLookupFindsThePersonByAPartOfTheAddressWhateverTheSpacesAndPublishesTheGrantAndTheLookup()
            throws Exception {
        String given = givenName();
        UUID person = insured("山田 " + given);
        try (KafkaTestKit.Watch consents = KafkaTestKit.watch(Topics.CONSENTS);
                KafkaTestKit.Watch views = KafkaTestKit.watch(Topics.RECORD_VIEWS)) {
            Instant before = clock.instant().minusMillis(1);
            JsonPath answer = lookup(disasterLookup("山田\u3000" + given, "Nakano")).statusCode(200)
                    .body("personId", equalTo(person.toString())).extract().jsonPath();
            Instant expiresAt = Instant.parse(answer.getString("expiresAt"));
            assertTrue(!expiresAt.isBefore(before.plus(Duration.ofHours(8)))
                    && !expiresAt.isAfter(clock.instant().plus(Duration.ofHours(8))), "eight hours from now");
            String grant = answer.getString("grantId");

            ConsumerRecord<String, String> granted = consents.await(r -> person.toString().equals(r.key()));
            JsonPath event = JsonPath.from(granted.value());
            assertEquals("io.shikaku.eligibility.consent.granted", event.getString("type"));
            assertEquals(grant, event.getString("data.consentId"));
            assertEquals(facility, event.getString("data.facilityCode"));
            assertEquals("DISASTER", event.getString("data.basis"));
            assertEquals(true, event.getBoolean("data.medication"));
            assertEquals(true, event.getBoolean("data.checkup"));
            assertEquals(answer.getString("expiresAt"), event.getString("data.expiresAt"));

            ConsumerRecord<String, String> looked = views.await(r -> person.toString().equals(r.key()));
            JsonPath view = JsonPath.from(looked.value());
            assertEquals("io.shikaku.access.record-viewed", view.getString("type"));
            assertEquals("LOOKUP", view.getString("data.kind"));
            assertEquals("DISASTER", view.getString("data.basis"));
            assertEquals(facility, view.getString("data.facilityCode"));
            assertEquals(subject, view.getString("data.viewerSubject"));
            assertEquals("DOCTOR", view.getString("data.profession"));
            for (ConsumerRecord<String, String> record : List.of(granted, looked)) {
                assertFalse(record.value().contains(given), "no name in events");
                assertFalse(record.value().contains("Nakano"), "no address in events");
            }
        }
        lookup(disasterLookup("山田" + given, "saginomiya")).statusCode(404);
        lookup(disasterLookup("山田" + given, "Saginomiya")).statusCode(200);
    }

    @Test
    void aPartOfTheNameOfAnInsurerOfThePersonFindsThemToo() {
        String given = givenName();
        UUID person = insured("山田 " + given);
        lookup(disasterLookup("山田" + given, "Alpha")).statusCode(200).body("personId", equalTo(person.toString()));
        lookup(disasterLookup("山田 " + given, "Ａｌｐｈａ　Health")).statusCode(200);
        lookup(disasterLookup("山田 " + given, "Gamma")).statusCode(404).body("code", equalTo("NO_SINGLE_MATCH"));
    }

    @Test
    void twoPersonsWhoBothMatchIdentifyNobodyAndTheAnswerIsTheSameAsForNobody() {
        String given = givenName();
        insured("山田 " + given);
        insured("山田 " + given);
        JsonPath several = lookup(disasterLookup("山田 " + given, "Nakano")).statusCode(404)
                .body("code", equalTo("NO_SINGLE_MATCH")).extract().jsonPath();
        JsonPath none = lookup(disasterLookup("山田 " + givenName(), "Nakano")).statusCode(404)
                .body("code", equalTo("NO_SINGLE_MATCH")).extract().jsonPath();
        assertEquals(none.getString("detail"), several.getString("detail"));
        assertEquals(none.getString("title"), several.getString("title"));
        assertEquals(none.getMap("$").keySet(), several.getMap("$").keySet());
    }

    @Test
    void aPersonWithoutAnyQualificationOrWhoseLinkageIsInDoubtIsNeverIdentified() {
        String given = givenName();
        fixtures.person("山田 " + given, "MALE", "1980-04-01", ADDRESS);
        UUID insured = insured("山田 " + given);
        lookup(disasterLookup("山田 " + given, "Nakano")).statusCode(200).body("personId", equalTo(insured.toString()));
        fixtures.suspendViewing(insured);
        lookup(disasterLookup("山田 " + given, "Nakano")).statusCode(404).body("code", equalTo("NO_SINGLE_MATCH"));
    }

    @Test
    void aDisasterLookupNeedsAllFourOfNameBirthDateSexAndInsurerOrAddress() {
        String given = givenName();
        insured("山田 " + given);
        for (String field : List.of("name", "birthDate", "sex", "insurerNameOrAddress")) {
            Map<String, Object> three = disasterLookup("山田 " + given, "Nakano");
            three.remove(field);
            lookup(three).statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.field", equalTo(List.of(field)));
        }
        lookup(disasterLookup("\u3000 ", "Nakano")).statusCode(400).body("errors.field", equalTo(List.of("name")));
        lookup(disasterLookup("山田 " + given, " ")).statusCode(400)
                .body("errors.field", equalTo(List.of("insurerNameOrAddress")));
    }

    @Test
    void theAcknowledgementTheConsentAndTheBasisAreRequired() {
        String given = givenName();
        insured("山田 " + given);
        Map<String, Object> body = disasterLookup("山田 " + given, "Nakano");
        body.put("acknowledgedSpecialAccess", false);
        lookup(body).statusCode(400).body("errors.field", equalTo(List.of("acknowledgedSpecialAccess")));
        body.remove("acknowledgedSpecialAccess");
        lookup(body).statusCode(400).body("errors.field", equalTo(List.of("acknowledgedSpecialAccess")));
        body = disasterLookup("山田 " + given, "Nakano");
        body.remove("patientConsent");
        lookup(body).statusCode(400).body("errors.field", equalTo(List.of("patientConsent")));
        body = disasterLookup("山田 " + given, "Nakano");
        body.put("patientConsent", "ASSUMED");
        lookup(body).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        body = disasterLookup("山田 " + given, "Nakano");
        body.remove("basis");
        lookup(body).statusCode(400).body("errors.field", equalTo(List.of("basis")));
        body.put("basis", "CURIOSITY");
        lookup(body).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aFacilityInAPrefectureNoDisasterCoversIsOutsideTheScope() {
        String given = givenName();
        insured("山田 " + given);
        lookup(Tokens.emergencyStaff(subject, liveFacility(SPARED), "DOCTOR"), disasterLookup("山田 " + given, "Nakano"))
                .statusCode(403).body("code", equalTo("OUTSIDE_DISASTER_SCOPE"));
    }

    @Test
    void afterItsPeriodADisasterOpensNoLookup() {
        String given = givenName();
        insured("山田 " + given);
        String shortFacility = liveFacility(SHORT);
        declare(SHORT, today(), today());
        String token = Tokens.emergencyStaff(subject, shortFacility, "DOCTOR");
        lookup(token, disasterLookup("山田 " + given, "Nakano")).statusCode(200);
        clock.advance(Duration.ofDays(1));
        lookup(token, disasterLookup("山田 " + given, "Nakano")).statusCode(403)
                .body("code", equalTo("OUTSIDE_DISASTER_SCOPE"));
    }

    @Test
    void aDisasterEndedEarlyOpensNoLookupFromThatMomentOn() {
        String given = givenName();
        insured("山田 " + given);
        String endedFacility = liveFacility(ENDED);
        String disaster = declare(ENDED, today().minusDays(1), today().plusDays(30));
        String token = Tokens.emergencyStaff(subject, endedFacility, "PHARMACIST");
        lookup(token, disasterLookup("山田 " + given, "Nakano")).statusCode(200);
        given().auth().oauth2(Tokens.ministry()).delete("/api/v1/disasters/{id}", disaster).then().statusCode(204);
        lookup(token, disasterLookup("山田 " + given, "Nakano")).statusCode(403)
                .body("code", equalTo("OUTSIDE_DISASTER_SCOPE"));
    }

    @Test
    void anEmergencyLookupNeedsAnEmergencyTerminalAndFindsThePersonByTheirCard() throws Exception {
        UUID person = insured("山田 " + givenName());
        String serial = Fixtures.freshCardSerial();
        fixtures.card(serial, person, false);
        String noTerminal = liveFacility("13");
        lookup(Tokens.emergencyStaff(subject, noTerminal, "DOCTOR"), emergencyLookup(serial)).statusCode(403)
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo("EMERGENCY lookups are made only from a facility with an emergency terminal;"
                        + " this facility has none registered"));

        String terminal = liveFacility("13");
        fixtures.emergencyTerminal(terminal, true);
        String token = Tokens.emergencyStaff(subject, terminal, "DENTIST");
        try (KafkaTestKit.Watch consents = KafkaTestKit.watch(Topics.CONSENTS)) {
            lookup(token, emergencyLookup(serial)).statusCode(200).body("personId", equalTo(person.toString()));
            JsonPath event = JsonPath.from(consents.await(r -> person.toString().equals(r.key())).value());
            assertEquals("EMERGENCY", event.getString("data.basis"));
            assertEquals(terminal, event.getString("data.facilityCode"));
        }

        Map<String, Object> noCard = emergencyLookup(serial);
        noCard.remove("cardSerial");
        lookup(token, noCard).statusCode(400).body("errors.field", equalTo(List.of("cardSerial")));
        lookup(token, emergencyLookup(Fixtures.freshCardSerial())).statusCode(404)
                .body("code", equalTo("NO_SINGLE_MATCH"));
        String revoked = Fixtures.freshCardSerial();
        fixtures.card(revoked, person, true);
        lookup(token, emergencyLookup(revoked)).statusCode(404).body("code", equalTo("NO_SINGLE_MATCH"));
    }

    @Test
    void onlyLicensedEmergencyStaffMayLookUp() {
        Map<String, Object> body = disasterLookup("山田 " + givenName(), "Nakano");
        lookup(Tokens.emergencyStaff(subject, facility, "NURSE"), body).statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        lookup(Tokens.withClaim("emergency-staff", "facility_code", facility), body).statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        lookup(Tokens.clinic(facility), body).statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/emergency/lookups").then().statusCode(401);
    }

    @Test
    void theEleventhAttemptWithinTenMinutesIsRateLimitedUntilTheOldestLeavesTheWindow() {
        String given = givenName();
        insured("山田 " + given);
        lookup(disasterLookup("山田 " + given, "Nakano")).statusCode(200);
        for (int i = 0; i < 8; i++) {
            lookup(disasterLookup("山田 " + givenName(), "Nakano")).statusCode(404);
        }
        Map<String, Object> invalid = disasterLookup("山田 " + given, "Nakano");
        invalid.remove("sex");
        lookup(invalid).statusCode(400);
        String retryAfter = lookup(disasterLookup("山田 " + given, "Nakano")).statusCode(429)
                .body("code", equalTo("RATE_LIMITED")).extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 600, retryAfter);
        lookup(Tokens.emergencyStaff("emergency-" + UUID.randomUUID(), facility, "DOCTOR"),
                disasterLookup("山田 " + given, "Nakano")).statusCode(200);

        clock.advance(Duration.ofSeconds(seconds));
        lookup(disasterLookup("山田 " + given, "Nakano")).statusCode(200);
    }

    @Test
    void theGrantIsAnsweredToTheFacilityAsALiveConsentOfItsBasisAndToNoOtherFacility() {
        String given = givenName();
        UUID person = insured("山田 " + given);
        String expiresAt = lookup(disasterLookup("山田 " + given, "Nakano")).statusCode(200).extract()
                .path("expiresAt");
        for (String token : List.of(Tokens.emergencyStaff(subject, facility, "DOCTOR"), Tokens.clinic(facility))) {
            given().auth().oauth2(token).get("/api/v1/eligibility/consents/{p}", person).then().statusCode(200)
                    .body("basis", equalTo("DISASTER"))
                    .body("medication", equalTo(true))
                    .body("checkup", equalTo(true))
                    .body("expiresAt", equalTo(expiresAt));
        }
        given().auth().oauth2(Tokens.clinic(liveFacility(STRUCK))).get("/api/v1/eligibility/consents/{p}", person)
                .then().statusCode(404);
        clock.advance(Duration.ofHours(8));
        given().auth().oauth2(Tokens.clinic(facility)).get("/api/v1/eligibility/consents/{p}", person).then()
                .statusCode(404);
    }

    @Test
    void theDatabasesNameKeyIsTheJavaComparisonForm() {
        for (String name : List.of("山田 太郎", "山田\u3000太郎", "山田\t太郎\u00a0", "ﾔﾏﾀﾞ ﾀﾛｳ", "Ｙａｍａｄａ　Ｔａｒｏ", "髙橋\u2003誠①",
                "\u1680山田\u2028太郎\u202f")) {
            assertEquals(List.of(FourAttributes.key(name)), fixtures.rowsAsText("SELECT match_key(?)", name), name);
        }
    }

    @Test
    void noAttemptKeepsTheNameOrAddressGiven() {
        String given = givenName();
        insured("山田 " + given);
        lookup(disasterLookup("山田 " + given, "Saginomiya")).statusCode(200);
        lookup(disasterLookup("山田 " + givenName(), "Saginomiya")).statusCode(404);
        List<String> kept = new Fixtures(db).rowsAsText(
                "SELECT e::text FROM emergency_lookup e WHERE viewer_subject = ?",
                subject);
        assertEquals(2, kept.size());
        kept.forEach(row -> assertFalse(row.contains(given) || row.contains("Saginomiya"), row));
    }
}
