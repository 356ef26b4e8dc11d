package io.shikaku.eligibility.check;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.event.Topics;
import io.shikaku.common.testing.AdjustableClock;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.consent.ConsentGranted;
import io.shikaku.eligibility.mynumber.MyNumberHasher;
import io.shikaku.eligibility.support.Fixtures;

/** Checks by My Number card (DOMAIN.md §4): the card's state, the qualification, the consent and its event. */
@QuarkusTest
class MyNumberCardCheckTest {

    private static final String CLINIC = "0110113719";
    private static final String OTHER_CLINIC = "1310123458";
    private static final String INSURER = "06130017";
    private static final String VISIT = "2026-11-21";
    private static final String FAR = "2035-03-31";

    @Inject
    AgroalDataSource db;

    @Inject
    MyNumberHasher hasher;

    @Inject
    AdjustableClock clock;

    private Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(db);
        fixtures.insurer(INSURER, "さくら健康保険組合");
        fixtures.liveFacility(CLINIC);
        fixtures.liveFacility(OTHER_CLINIC);
    }

    /** A person insured since 2015 with a registered card; its serial. */
    private Card insuredWithCard(String validUntil) {
        return insuredWithCard(validUntil, null);
    }

    /** As {@link #insuredWithCard(String)}, the qualification ending on {@code insuredUntil}. */
    private Card insuredWithCard(String validUntil, String insuredUntil) {
        String myNumber = Fixtures.freshMyNumber();
        UUID person = fixtures.person("山田 太郎", "MALE", "1980-04-01");
        fixtures.qualification(person, INSURER, "1234", Fixtures.freshNumber(), "00", "2015-04-01", insuredUntil);
        fixtures.linkMyNumber(person, hasher.hash(myNumber));
        String serial = Fixtures.freshCardSerial();
        given().auth().oauth2(Tokens.patient(person)).contentType(ContentType.JSON)
                .body(Map.of("cardSerial", serial, "myNumber", myNumber, "validUntil", validUntil))
                .post("/api/v1/card-registrations").then().statusCode(201);
        return new Card(serial, person, myNumber);
    }

    private record Card(String serial, UUID person, String myNumber) {
    }

    @Test
    void aRegisteredCardWithConsentIsValidAndGrantsConsentForTwentyFourHours() {
        Card card = insuredWithCard(FAR);
        Instant before = clock.instant().minusMillis(1);
        String answer = check(CLINIC, card.serial(), VISIT, true, true, false)
                .statusCode(200)
                .body("method", equalTo("MY_NUMBER_CARD"))
                .body("validity", equalTo("VALID"))
                .body("personId", equalTo(card.person().toString()))
                .body("qualification.insurerName", equalTo("さくら健康保険組合"))
                .body("qualification.limitCategory", nullValue())
                .body("consent.medication", equalTo(true))
                .body("consent.checkup", equalTo(true))
                .body("notes", empty())
                .body("reference", equalTo("patient-0042"))
                .extract().asString();
        assertFalse(answer.contains(card.myNumber()), "no My Number in the answer");
        JsonNode json = read(answer);
        Instant checkedAt = Instant.parse(json.get("checkedAt").asText());
        Instant expiresAt = Instant.parse(json.at("/consent/expiresAt").asText());
        assertEquals(checkedAt.plus(Duration.ofHours(24)), expiresAt);
        assertTrue(!checkedAt.isBefore(before));

        given().auth().oauth2(Tokens.clinic(CLINIC)).get("/api/v1/eligibility/consents/{p}", card.person())
                .then().statusCode(200)
                .body("medication", equalTo(true))
                .body("checkup", equalTo(true))
                .body("expiresAt", equalTo(json.at("/consent/expiresAt").asText()));
        given().auth().oauth2(Tokens.clinic(CLINIC))
                .get("/api/v1/eligibility/checks/{id}", json.get("checkId").asText())
                .then().statusCode(200).body("consent.medication", equalTo(true));
    }

    @Test
    void theCeilingCategoryIsShownOnlyWithConsentToIt() {
        Card card = insuredWithCard(FAR);
        check(CLINIC, card.serial(), VISIT, false, false, true)
                .statusCode(200)
                .body("qualification.limitCategory", equalTo("A03"))
                .body("consent.medication", equalTo(false))
                .body("consent.checkup", equalTo(false))
                .body("consent.expiresAt", nullValue());
        check(CLINIC, card.serial(), VISIT, true, false, false)
                .statusCode(200)
                .body("qualification.limitCategory", nullValue());
    }

    @Test
    void aCardOfAPersonWithNothingInForceIsInvalid() {
        Card card = insuredWithCard(FAR, "2024-03-31");
        check(CLINIC, card.serial(), VISIT, false, false, false)
                .statusCode(200)
                .body("validity", equalTo("INVALID"))
                .body("personId", equalTo(card.person().toString()))
                .body("qualification.validUntil", equalTo("2024-03-31"));
    }

    @Test
    void unknownRevokedExpiredAndWithdrawnCardsAreRefusedWithTheirCodes() {
        check(CLINIC, Fixtures.freshCardSerial(), VISIT, true, true, false)
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("CARD_UNKNOWN"));

        Card revoked = insuredWithCard(FAR);
        given().auth().oauth2(Tokens.patient(revoked.person()))
                .delete("/api/v1/card-registrations/{s}", revoked.serial()).then().statusCode(204);
        check(CLINIC, revoked.serial(), VISIT, true, true, false)
                .statusCode(422).body("code", equalTo("CARD_REVOKED"));

        Card expiring = insuredWithCard("2027-01-31");
        check(CLINIC, expiring.serial(), "2027-01-31", false, false, false).statusCode(200);
        check(CLINIC, expiring.serial(), "2027-02-01", false, false, false)
                .statusCode(422).body("code", equalTo("CARD_EXPIRED"));

        Card withdrawn = insuredWithCard(FAR);
        given().auth().oauth2(Tokens.patient(withdrawn.person()))
                .post("/api/v1/card-registrations/{s}/withdrawal", withdrawn.serial()).then().statusCode(204);
        check(CLINIC, withdrawn.serial(), VISIT, true, true, false)
                .statusCode(422).body("code", equalTo("CARD_NOT_REGISTERED"));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get("/api/v1/eligibility/consents/{p}", withdrawn.person())
                .then().statusCode(404);
    }

    @Test
    void aCardExpiringWithinThreeMonthsOfTheVisitCarriesANote() {
        Card soon = insuredWithCard("2027-02-21");
        check(CLINIC, soon.serial(), VISIT, false, false, false)
                .statusCode(200).body("notes", contains("CARD_EXPIRES_SOON"));
        Card later = insuredWithCard("2027-02-22");
        check(CLINIC, later.serial(), VISIT, false, false, false)
                .statusCode(200).body("notes", empty());
    }

    @Test
    void aPersonWhoseLinkageIsUnderReviewGetsNoConsent() {
        Card card = insuredWithCard(FAR);
        fixtures.suspendViewing(card.person());
        check(CLINIC, card.serial(), VISIT, true, true, false)
                .statusCode(200)
                .body("validity", equalTo("VALID"))
                .body("consent.medication", equalTo(false))
                .body("consent.checkup", equalTo(false))
                .body("consent.expiresAt", nullValue())
                .body("notes", contains("LINKAGE_UNDER_REVIEW"));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get("/api/v1/eligibility/consents/{p}", card.person())
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aPersonWhoseLinkageComesUnderReviewLosesTheLiveConsentAndTheCeilingCategory() {
        Card card = insuredWithCard(FAR);
        check(CLINIC, card.serial(), VISIT, true, true, true).statusCode(200)
                .body("qualification.limitCategory", equalTo("A03"));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get("/api/v1/eligibility/consents/{p}", card.person())
                .then().statusCode(200);
        fixtures.suspendViewing(card.person());
        given().auth().oauth2(Tokens.clinic(CLINIC)).get("/api/v1/eligibility/consents/{p}", card.person())
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        check(CLINIC, card.serial(), VISIT, true, true, true).statusCode(200)
                .body("qualification.limitCategory", nullValue());
    }

    @Test
    void aCardOfAPersonWithoutAnyQualificationRecordsNoConsentAndNoNote() {
        String myNumber = Fixtures.freshMyNumber();
        UUID person = fixtures.person("山田 次郎", "MALE", "1981-04-01");
        fixtures.linkMyNumber(person, hasher.hash(myNumber));
        String serial = Fixtures.freshCardSerial();
        given().auth().oauth2(Tokens.patient(person)).contentType(ContentType.JSON)
                .body(Map.of("cardSerial", serial, "myNumber", myNumber, "validUntil", "2027-01-31"))
                .post("/api/v1/card-registrations").then().statusCode(201);
        check(CLINIC, serial, VISIT, true, true, false).statusCode(200)
                .body("validity", equalTo("NOT_FOUND"))
                .body("consent.expiresAt", nullValue())
                .body("notes", empty());
        given().auth().oauth2(Tokens.clinic(CLINIC)).get("/api/v1/eligibility/consents/{p}", person)
                .then().statusCode(404);
    }

    @Test
    void theExpiryNoteTravelsOnlyWithAValidAnswer() {
        Card ended = insuredWithCard("2027-01-31", "2024-03-31");
        check(CLINIC, ended.serial(), VISIT, false, false, false).statusCode(200)
                .body("validity", equalTo("INVALID"))
                .body("notes", empty());
    }

    @Test
    void aConsentIsLiveAtTwentyThreeHoursFiftyNineAndGoneAtTwentyFourAndOnlyForItsFacility() {
        Card card = insuredWithCard(FAR);
        check(CLINIC, card.serial(), VISIT, true, false, false).statusCode(200);
        given().auth().oauth2(Tokens.clinic(OTHER_CLINIC)).get("/api/v1/eligibility/consents/{p}", card.person())
                .then().statusCode(404);
        try {
            clock.advance(Duration.ofHours(23).plusMinutes(59));
            given().auth().oauth2(Tokens.clinic(CLINIC)).get("/api/v1/eligibility/consents/{p}", card.person())
                    .then().statusCode(200).body("medication", equalTo(true)).body("checkup", equalTo(false));
            clock.advance(Duration.ofMinutes(1));
            given().auth().oauth2(Tokens.clinic(CLINIC)).get("/api/v1/eligibility/consents/{p}", card.person())
                    .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aConsentIsPublishedWithoutTheMyNumberAndCardNumberChecksPublishNone() throws Exception {
        Card card = insuredWithCard(FAR);
        UUID byNumbers = fixtures.person("佐藤 健", "MALE", "1975-11-03");
        String number = Fixtures.freshNumber();
        fixtures.qualification(byNumbers, INSURER, "1", number, "00", "2015-04-01", null);
        try (KafkaTestKit.Watch consents = KafkaTestKit.watch(Topics.CONSENTS)) {
            given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.JSON)
                    .body(CheckResourceTest.cardNumbers(INSURER, "1", number, "00", "1975-11-03"))
                    .post("/api/v1/eligibility/checks").then().statusCode(200)
                    .body("validity", equalTo("VALID")).body("$", not(hasKey("consent")));
            check(CLINIC, card.serial(), VISIT, true, false, false).statusCode(200);

            ConsumerRecord<String, String> event = consents.await(r -> card.person().toString().equals(r.key()));
            JsonNode envelope = read(event.value());
            assertEquals(ConsentGranted.TYPE, envelope.get("type").asText());
            assertEquals(card.person().toString(), envelope.at("/data/personId").asText());
            assertEquals(CLINIC, envelope.at("/data/facilityCode").asText());
            assertTrue(envelope.at("/data/medication").asBoolean());
            assertFalse(envelope.at("/data/checkup").asBoolean());
            assertEquals("CARD_CHECK", envelope.at("/data/basis").asText());
            assertEquals(envelope.at("/data/consentId").asText(), envelope.get("subject").asText());
            assertFalse(event.value().contains(card.myNumber()), "no My Number in the event");
            assertFalse(event.value().contains(hasher.hash(card.myNumber())), "not even its hash");
            assertTrue(consents.seen().stream().noneMatch(r -> byNumbers.toString().equals(r.key())),
                    "a card-number check publishes no consent");
        }
    }

    /** Prints how long card checks took beside card-number checks (a figure, never an assertion on it). */
    @Test
    void twoHundredCardChecksWithConsentRecordTwoHundredChecksAndConsents() throws Exception {
        Card card = insuredWithCard(FAR);
        int checks = 200;
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            check(CLINIC, card.serial(), VISIT, true, true, false).statusCode(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String number = Fixtures.freshNumber();
        fixtures.qualification(fixtures.person("佐藤 健", "MALE", "1975-11-03"), INSURER, "1", number, "00",
                "2015-04-01", null);
        long numbersStart = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.JSON)
                    .body(CheckResourceTest.cardNumbers(INSURER, "1", number, "00", "1975-11-03"))
                    .post("/api/v1/eligibility/checks").then().statusCode(200);
        }
        double numbersSeconds = (System.nanoTime() - numbersStart) / 1e9;
        System.out.printf("%d sequential card checks with consent: %.2f s, %.1f ms each; the same number of"
                + " card-number checks: %.2f s, %.1f ms each (ratio %.2f)%n", checks, seconds,
                seconds * 1000 / checks, numbersSeconds, numbersSeconds * 1000 / checks, seconds / numbersSeconds);
        try (var c = db.getConnection();
                var s = c.prepareStatement("SELECT (SELECT count(*) FROM consent WHERE person_id = ?),"
                        + " (SELECT count(*) FROM eligibility_check WHERE person_id = ? AND method = 'MY_NUMBER_CARD'"
                        + " AND identity_verification = 'FACE'),"
                        + " (SELECT count(*) FROM consent x JOIN eligibility_check e ON e.id = x.check_id"
                        + " WHERE x.person_id = ?)")) {
            s.setObject(1, card.person());
            s.setObject(2, card.person());
            s.setObject(3, card.person());
            var rs = s.executeQuery();
            rs.next();
            assertEquals(checks, rs.getInt(1));
            assertEquals(checks, rs.getInt(2));
            assertEquals(checks, rs.getInt(3), "every consent names its check");
        }
    }

    @Test
    void aCardCheckNeedsTheSerialAndHowIdentityWasVerified() {
        Map<String, Object> body = new HashMap<>(Map.of("method", "MY_NUMBER_CARD", "visitDate", VISIT));
        given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/eligibility/checks").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("cardSerial", "identityVerification"));
        body.put("cardSerial", "not-hex");
        body.put("identityVerification", "RETINA");
        given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/eligibility/checks").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aFacilityNotLiveCannotCheckACard() {
        Card card = insuredWithCard(FAR);
        check("1310123466", card.serial(), VISIT, true, true, false)
                .statusCode(403).body("code", equalTo("FACILITY_NOT_LIVE"));
    }

    private static ValidatableResponse check(String facility, String serial, String visitDate, boolean medication,
            boolean checkup, boolean limitCategory) {
        return given().auth().oauth2(Tokens.clinic(facility)).contentType(ContentType.JSON)
                .body(Map.of("method", "MY_NUMBER_CARD", "visitDate", visitDate, "cardSerial", serial,
                        "identityVerification", "FACE", "reference", "patient-0042", "consent",
                        Map.of("medication", medication, "checkup", checkup, "limitCategory", limitCategory)))
                .post("/api/v1/eligibility/checks").then();
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
