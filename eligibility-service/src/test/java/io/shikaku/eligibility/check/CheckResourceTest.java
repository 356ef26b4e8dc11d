package io.shikaku.eligibility.check;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.CheckCounts;
import io.shikaku.eligibility.support.Fixtures;

@QuarkusTest
class CheckResourceTest {

    private static final String CLINIC = "0110113719";
    private static final String OTHER_CLINIC = "1310123458";
    private static final String INSURER = "06130017";
    private static final String NEW_INSURER = "34130013";
    private static final String VISIT = "2026-11-21";

    @Inject
    AgroalDataSource db;

    private Fixtures fixtures;

    @BeforeEach
    void insurers() {
        fixtures = new Fixtures(db);
        fixtures.insurer(INSURER, "さくら健康保険組合");
        fixtures.insurer(NEW_INSURER, "東京都職員共済組合");
        fixtures.liveFacility(CLINIC);
        fixtures.liveFacility(OTHER_CLINIC);
    }

    @Test
    void aFamilyMemberIsTellApartByBranchAndFullWidthInputMatches() {
        String number = Fixtures.freshNumber();
        UUID father = fixtures.person("山田 太郎", "MALE", "1980-04-01");
        UUID daughter = fixtures.person("山田 花子", "FEMALE", "1980-04-01");
        fixtures.qualification(father, INSURER, "1234", number, "00", "2015-04-01", null);
        fixtures.qualification(daughter, INSURER, "1234", number, "01", "2015-04-01", null);

        check(CLINIC, cardNumbers(INSURER, "１２ ３４", toFullWidth(number), "01", "1980-04-01"))
                .statusCode(200)
                .body("validity", equalTo("VALID"))
                .body("personId", equalTo(daughter.toString()))
                .body("method", equalTo("INSURANCE_CARD"))
                .body("checkId", notNullValue())
                .body("checkedAt", notNullValue())
                .body("reference", equalTo("patient-0042"))
                .body("qualification.name", equalTo("山田 花子"))
                .body("qualification.insurerName", equalTo("さくら健康保険組合"))
                .body("qualification.symbol", equalTo("1234"))
                .body("qualification.number", equalTo(number))
                .body("qualification.branch", equalTo("01"))
                .body("qualification.relationship", equalTo("DEPENDANT"))
                .body("qualification.sex", equalTo("FEMALE"))
                .body("qualification.copaymentRate", equalTo(30))
                .body("qualification.validFrom", equalTo("2015-04-01"))
                .body("qualification.validUntil", nullValue())
                .body("qualification.limitCategory", nullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("consent")));
    }

    @Test
    void anEndedQualificationIsInvalidAndOneNotYetStartedToo() {
        String ended = Fixtures.freshNumber();
        UUID akemi = fixtures.person("鈴木 明美", "FEMALE", "1950-02-20");
        fixtures.qualification(akemi, INSURER, "1234", ended, "00", "2000-04-01", "2020-03-31");
        check(CLINIC, cardNumbers(INSURER, "1234", ended, "00", "1950-02-20"))
                .statusCode(200)
                .body("validity", equalTo("INVALID"))
                .body("qualification.validUntil", equalTo("2020-03-31"));

        String future = Fixtures.freshNumber();
        UUID misaki = fixtures.person("田中 美咲", "FEMALE", "1990-01-10");
        fixtures.qualification(misaki, INSURER, "", future, "00", "2027-04-01", null);
        check(CLINIC, cardNumbers(INSURER, "", future, "00", "1990-01-10"))
                .statusCode(200)
                .body("validity", equalTo("INVALID"));
    }

    @Test
    void oldNumbersOfSomeoneWhoChangedInsurerReturnTheNewerQualification() {
        String oldNumber = Fixtures.freshNumber();
        String newNumber = Fixtures.freshNumber();
        UUID ken = fixtures.person("佐藤 健", "MALE", "1975-11-03");
        fixtures.qualification(ken, INSURER, "5010", oldNumber, "00", "2005-04-01", "2022-03-31");
        fixtures.qualification(ken, NEW_INSURER, "72", newNumber, "00", "2022-04-01", null);

        check(CLINIC, cardNumbers(INSURER, "5010", oldNumber, "00", "1975-11-03"))
                .statusCode(200)
                .body("validity", equalTo("INVALID_NEWER_EXISTS"))
                .body("personId", equalTo(ken.toString()))
                .body("qualification.insurerNumber", equalTo(NEW_INSURER))
                .body("qualification.insurerName", equalTo("東京都職員共済組合"))
                .body("qualification.number", equalTo(newNumber));
    }

    @Test
    void unknownNumbersOrAnotherBirthDateAreNotFoundAndDiscloseNothing() {
        String number = Fixtures.freshNumber();
        UUID p = fixtures.person("伊藤 翔", "MALE", "1985-05-05");
        fixtures.qualification(p, INSURER, "1", number, "00", "2010-04-01", null);

        for (Map<String, Object> body : new Map[] {cardNumbers(INSURER, "1", number, "00", "1985-05-06"),
                cardNumbers(INSURER, "1", Fixtures.freshNumber(), "00", "1985-05-05")}) {
            check(CLINIC, body)
                    .statusCode(200)
                    .body("validity", equalTo("NOT_FOUND"))
                    .body("$", not(org.hamcrest.Matchers.hasKey("qualification")))
                    .body("$", not(org.hamcrest.Matchers.hasKey("personId")));
        }
    }

    @Test
    void twoPersonsUnderTheSameNumbersAreMultipleMatches() {
        String number = Fixtures.freshNumber();
        for (int i = 0; i < 2; i++) {
            UUID p = fixtures.person("高橋 誠", "MALE", "1948-07-07");
            fixtures.qualification(p, INSURER, "新宿", number, "00", "2013-04-01", null);
        }
        check(CLINIC, cardNumbers(INSURER, "新宿", number, "00", "1948-07-07"))
                .statusCode(200)
                .body("validity", equalTo("MULTIPLE_MATCHES"))
                .body("$", not(org.hamcrest.Matchers.hasKey("qualification")))
                .body("$", not(org.hamcrest.Matchers.hasKey("personId")));
    }

    @Test
    void aCheckIsRecordedAndShownOnlyToItsOwnFacility() {
        String checkId = check(CLINIC, cardNumbers(INSURER, "1", Fixtures.freshNumber(), "00", "1960-01-01"))
                .statusCode(200).extract().path("checkId");

        given().auth().oauth2(Tokens.clinic(CLINIC))
                .get("/api/v1/eligibility/checks/{id}", checkId)
                .then().statusCode(200)
                .body("checkId", equalTo(checkId))
                .body("validity", equalTo("NOT_FOUND"));
        given().auth().oauth2(Tokens.clinic(OTHER_CLINIC))
                .get("/api/v1/eligibility/checks/{id}", checkId)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aBadCheckDigitIsRejectedNamingTheField() {
        check(CLINIC, cardNumbers("06130018", "1", "2", "00", "1960-01-01"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("insurerNumber"));
    }

    @Test
    void missingAndMalformedFieldsAreRejectedWithoutA500() {
        check(CLINIC, Map.of("method", "INSURANCE_CARD", "visitDate", VISIT))
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("birthDate"))
                .body("errors.field", hasItem("number"));
        check(CLINIC, Map.of("method", "INSURANCE_CARD", "visitDate", "21/11/2026"))
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("visitDate"));
        check(CLINIC, Map.of("method", "FAX", "visitDate", VISIT))
                .statusCode(400)
                .body("errors.field", contains("method"));
        check(CLINIC, Map.of("method", "INSURANCE_CARD", "visitDate", VISIT, "insurerNumber", INSURER, "number",
                "x".repeat(41), "branch", "1", "birthDate", "1960-01-01"))
                .statusCode(400)
                .body("errors.field", contains("branch", "number"));
        check(CLINIC, cardNumbers(INSURER, "1", "2", "00", "2030-01-01"))
                .statusCode(400)
                .body("errors.field", contains("birthDate"));
        for (String body : new String[] {"{\"method\":", "[]", "\"INSURANCE_CARD\"", ""}) {
            given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/eligibility/checks")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"));
        }
        given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.XML).body("<check/>")
                .post("/api/v1/eligibility/checks")
                .then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void callersNeedAClinicTokenBoundToAFacility() {
        given().contentType(ContentType.JSON).body(cardNumbers(INSURER, "1", "2", "00", "1960-01-01"))
                .post("/api/v1/eligibility/checks")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(Tokens.as("patient-demo", "patient")).contentType(ContentType.JSON)
                .body(cardNumbers(INSURER, "1", "2", "00", "1960-01-01"))
                .post("/api/v1/eligibility/checks")
                .then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        for (String unbound : new String[] {Tokens.as("unbound-clinic", "clinic"),
                Tokens.withClaim("clinic", "facility_code", java.util.List.of(CLINIC)), Tokens.clinic("0110113718")}) {
            given().auth().oauth2(unbound).contentType(ContentType.JSON)
                    .body(cardNumbers(INSURER, "1", "2", "00", "1960-01-01"))
                    .post("/api/v1/eligibility/checks")
                    .then().statusCode(403)
                    .body("code", equalTo("FORBIDDEN"));
        }
    }

    @Test
    void operatorsSeeChecksCountedByMethodFacilityTypeAndValidity() {
        double before = CheckCounts.of("INSURANCE_CARD", "MEDICAL_CLINIC", "NOT_FOUND");
        check(CLINIC, cardNumbers(INSURER, "1", Fixtures.freshNumber(), "00", "1960-01-01")).statusCode(200);
        assertEquals(before + 1, CheckCounts.of("INSURANCE_CARD", "MEDICAL_CLINIC", "NOT_FOUND"));
    }

    @Test
    void requestIdsAreEchoed() {
        given().auth().oauth2(Tokens.clinic(CLINIC)).header("X-Request-Id", "req-123").contentType(ContentType.JSON)
                .body(cardNumbers(INSURER, "1", Fixtures.freshNumber(), "00", "1960-01-01"))
                .post("/api/v1/eligibility/checks")
                .then().statusCode(200).header("X-Request-Id", "req-123");
    }

    static Map<String, Object> cardNumbers(String insurer, String symbol, String number, String branch,
            String birthDate) {
        return Map.of("method", "INSURANCE_CARD", "visitDate", VISIT, "insurerNumber", insurer, "symbol", symbol,
                "number", number, "branch", branch, "birthDate", birthDate, "reference", "patient-0042");
    }

    private static ValidatableResponse check(String facility, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.clinic(facility)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/eligibility/checks").then();
    }

    private static String toFullWidth(String digits) {
        StringBuilder b = new StringBuilder();
        digits.chars().forEach(c -> b.append((char) (c - '0' + '０')));
        return b.toString();
    }
}
