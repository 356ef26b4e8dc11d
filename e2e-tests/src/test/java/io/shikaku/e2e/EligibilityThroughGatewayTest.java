package io.shikaku.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.testing.AbortedRequests;
import io.shikaku.common.testing.PoolGauges;

/** A clinic system confirms insurance through the gateway, with tokens from the real Keycloak and the demo data. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EligibilityThroughGatewayTest {

    private static final String CLINIC = "clinic-0110113719";
    private static final String CHECKS = "/api/v1/eligibility/checks";
    private static final Suite SUITE = new Suite();

    @BeforeAll
    static void startSuite() throws Exception {
        SUITE.startAll();
        RestAssured.baseURI = Suite.gatewayUrl();
        // A caller that gives up after 10 s: a gateway that hangs instead of answering fails the tests.
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 10_000));
    }

    @AfterAll
    static void stopSuite() throws InterruptedException {
        SUITE.stopAll();
    }

    @Test
    @Order(1)
    void aFamilyMemberIsValidWithTheQualificationShown() {
        check(Keycloak.clientToken(CLINIC), cardNumbers("06130017", "1234", "5678", "01", "1982-06-15"))
                .statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("validity", equalTo("VALID"))
                .body("personId", equalTo("00000000-0000-4000-8000-000000000002"))
                .body("qualification.name", equalTo("山田 花子"))
                .body("qualification.insurerName", equalTo("さくら健康保険組合"))
                .body("qualification.relationship", equalTo("DEPENDANT"))
                .body("qualification.copaymentRate", equalTo(30));
    }

    @Test
    @Order(2)
    void everyOtherValidityCodeOfTheDemoData() {
        String token = Keycloak.clientToken(CLINIC);
        check(token, cardNumbers("06130017", "1234", "9001", "00", "1950-02-20"))
                .statusCode(200).body("validity", equalTo("INVALID"))
                .body("qualification.validUntil", equalTo("2020-03-31"));
        check(token, cardNumbers("33120015", "88", "123", "00", "1990-01-10"))
                .statusCode(200).body("validity", equalTo("INVALID"))
                .body("qualification.validFrom", equalTo("2027-04-01"));
        check(token, cardNumbers("01130012", "5010", "204", "00", "1975-11-03"))
                .statusCode(200).body("validity", equalTo("INVALID_NEWER_EXISTS"))
                .body("qualification.insurerNumber", equalTo("34130013"))
                .body("qualification.symbol", equalTo("72"))
                .body("qualification.number", equalTo("1001"));
        check(token, cardNumbers("06130017", "1234", "0000", "00", "1980-04-01"))
                .statusCode(200).body("validity", equalTo("NOT_FOUND"))
                .body("$", not(hasKey("qualification")));
        check(token, cardNumbers("138008", "新宿", "７７７", "00", "1948-07-07"))
                .statusCode(200).body("validity", equalTo("MULTIPLE_MATCHES"))
                .body("$", not(hasKey("qualification")))
                .body("$", not(hasKey("personId")));
    }

    @Test
    @Order(3)
    void aRecordedCheckIsVisibleToItsFacilityOnly() {
        String checkId = check(Keycloak.clientToken(CLINIC), cardNumbers("06130017", "1234", "5678", "00",
                "1980-04-01")).statusCode(200).extract().path("checkId");
        given().auth().oauth2(Keycloak.clientToken(CLINIC)).get("/api/v1/eligibility/checks/{id}", checkId)
                .then().statusCode(200).body("validity", equalTo("VALID"));
        given().auth().oauth2(Keycloak.clientToken("clinic-1310123458")).get("/api/v1/eligibility/checks/{id}", checkId)
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    @Order(4)
    void aBadCheckDigitIs400NamingTheField() {
        check(Keycloak.clientToken(CLINIC), cardNumbers("06130018", "1234", "5678", "00", "1980-04-01"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("insurerNumber"));
    }

    @Test
    @Order(5)
    void withoutATokenOrWithAnotherRoleTheGatewayRefuses() {
        given().header("X-Request-Id", "e2e-401").contentType(ContentType.JSON)
                .body(cardNumbers("06130017", "1234", "5678", "00", "1980-04-01"))
                .post("/api/v1/eligibility/checks")
                .then().statusCode(401)
                .header("X-Request-Id", "e2e-401")
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        check(Keycloak.clientToken("claims-feed"), cardNumbers("06130017", "1234", "5678", "00", "1980-04-01"))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    @Order(6)
    void aStoppedEligibilityServiceIs503QuicklyAndServesAgainWhenBack() throws Exception {
        String token = Keycloak.clientToken(CLINIC);
        SUITE.stop(Suite.ELIGIBILITY);
        try {
            check(token, cardNumbers("06130017", "1234", "5678", "00", "1980-04-01"))
                    .statusCode(503)
                    .header("Retry-After", notNullValue())
                    .contentType("application/problem+json")
                    .body("code", equalTo("UNAVAILABLE"));
        } finally {
            SUITE.start(Suite.ELIGIBILITY);
        }
        check(token, cardNumbers("06130017", "1234", "5678", "00", "1980-04-01"))
                .statusCode(200).body("validity", equalTo("VALID"));
    }

    @Test
    @Order(7)
    void clinicSystemsThatGiveUpMidRequestNeverWedgeTheService() throws Exception {
        String token = Keycloak.clientToken(CLINIC);
        String body = "{\"method\":\"INSURANCE_CARD\",\"visitDate\":\"2026-11-21\",\"insurerNumber\":\"06130017\","
                + "\"symbol\":\"1234\",\"number\":\"5678\",\"branch\":\"00\",\"birthDate\":\"1980-04-01\"}";
        AbortedRequests.post("localhost", Suite.ELIGIBILITY.port(), CHECKS, token, body, 300, 30);
        AbortedRequests.post("localhost", Suite.GATEWAY.port(), CHECKS, token, body, 300, 30);

        PoolGauges pool = PoolGauges.awaitIdle(
                () -> given().get(Suite.ELIGIBILITY.baseUrl() + "/q/metrics").asString(), Duration.ofSeconds(60));
        assertEquals(new PoolGauges(0, 0), pool, "connections in use and requests waiting after the clients left");
        for (String base : List.of(Suite.ELIGIBILITY.baseUrl(), Suite.gatewayUrl())) {
            for (int i = 0; i < 10; i++) {
                given().baseUri(base).auth().oauth2(token).contentType(ContentType.JSON).body(body).post(CHECKS)
                        .then().statusCode(200).body("validity", equalTo("VALID"));
            }
        }
        given().get(Suite.ELIGIBILITY.baseUrl() + "/q/health/ready").then().statusCode(200);
        given().get(Suite.ELIGIBILITY.baseUrl() + "/q/health/live").then().statusCode(200);
    }

    static Map<String, Object> cardNumbers(String insurer, String symbol, String number, String branch,
            String birthDate) {
        return Map.of("method", "INSURANCE_CARD", "visitDate", "2026-11-21", "insurerNumber", insurer, "symbol", symbol,
                "number", number, "branch", branch, "birthDate", birthDate, "reference", "e2e");
    }

    private static ValidatableResponse check(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/eligibility/checks").then();
    }
}
