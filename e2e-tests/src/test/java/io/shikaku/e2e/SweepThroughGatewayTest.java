package io.shikaku.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shikaku.common.testing.KafkaTestKit;

/**
 * The attacker of issue 13 (item 4), through the gateway with the real Keycloak: one clinic credential checks the demo
 * patient's card numbers with a different birth date each, 180 times. After five NOT_FOUND answers every further check
 * of those numbers from that clinic is refused by eligibility with 429 RATE_LIMITED (the suite's gateway allows a
 * burst of 1,000 checks, so all 180 reach it), even with the right birth date, so the patient's name and sex are never revealed; another
 * facility still checks the patient; the auditor sees the sweep, the clinic may not; no card number reaches a log.
 */
class SweepThroughGatewayTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final String SWEEPER = "0110113719";
    private static final String OTHER = "1310123458";
    /** The demo patient's card (山田 太郎, born 1980-04-01). */
    private static final String INSURER = "06130017";
    private static final String SYMBOL = "1234";
    private static final String NUMBER = "5678";
    private static final String BIRTH_DATE = "1980-04-01";
    private static final List<Suite.Service> LOGGED = List.of(Suite.GATEWAY, Suite.ELIGIBILITY);
    private static final Suite SUITE = new Suite();

    @BeforeAll
    static void startSuite() throws Exception {
        SUITE.startAll();
        RestAssured.baseURI = Suite.gatewayUrl();
        given().auth().oauth2(Keycloak.userToken("portal-admin")).contentType("text/csv; charset=UTF-8")
                .body("facilityCode,type,prefecture,name,accountRegisteredOn,readerAppliedOn,readersApplied,readyOn,"
                        + "goLiveOn\n" + SWEEPER + ",MEDICAL_CLINIC,01,札幌デモクリニック,2021-04-01,2021-05-01,1,"
                        + "2021-09-01,2021-10-01\n" + OTHER + ",HOSPITAL,13,新宿デモ病院,2021-04-01,2021-05-01,1,"
                        + "2021-09-01,2021-10-01\n")
                .post("/api/v1/facilities/imports").then().statusCode(200).body("imported", equalTo(2));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        SUITE.stopAll();
    }

    @Test
    void aClinicSweepingBirthDatesIsRefusedAfterFiveNotFoundAndTheAuditorSeesTheSweep() throws Exception {
        String sweeper = Keycloak.clientToken("clinic-" + SWEEPER);
        String other = Keycloak.clientToken(Keycloak.registerClinicSystem(OTHER));
        // both facilities live in eligibility's projection (a check of unknown numbers is NOT_FOUND, not 403)
        for (String token : List.of(sweeper, other)) {
            KafkaTestKit.await("the facility to be live in eligibility",
                    () -> check(token, "00000000", "1900-01-01"), r -> r.statusCode() == 200);
        }

        Map<Suite.Service, Long> logStart = new HashMap<>();
        for (Suite.Service service : LOGGED) {
            logStart.put(service, Files.size(log(service)));
        }
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            answers.add(check(sweeper, NUMBER, LocalDate.of(1930, 1, 1).plusDays(5L * i).toString()));
        }
        for (int i = 0; i < 5; i++) {
            answers.get(i).then().statusCode(200).body("validity", equalTo("NOT_FOUND"));
        }
        for (Response refused : answers.subList(5, 180)) {
            refused.then().statusCode(429).contentType("application/problem+json")
                    .body("code", equalTo("RATE_LIMITED"))
                    .body("detail", containsString("card numbers"));
            long retryAfter = Long.parseLong(refused.header("Retry-After"));
            assertTrue(retryAfter > 23 * 3600 && retryAfter <= 24 * 3600, "until the window ends: " + retryAfter);
        }

        // the right birth date at last: still refused, nothing revealed
        Response right = check(sweeper, NUMBER, BIRTH_DATE);
        right.then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
        assertFalse(right.asString().contains("山田"));
        // another facility checks the patient as ever
        check(other, NUMBER, BIRTH_DATE).then().statusCode(200).body("validity", equalTo("VALID"))
                .body("qualification.name", equalTo("山田 太郎"));

        String auditor = Keycloak.userToken("auditor");
        given().auth().oauth2(auditor).queryParam("facility", SWEEPER).queryParam("from", TODAY.toString())
                .get("/api/v1/audit/sweeps").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].facilityCode", equalTo(SWEEPER))
                .body("items[0].attempts", equalTo(5))
                .body("items[0].refused", equalTo(176));
        given().auth().oauth2(auditor).queryParam("facility", OTHER).get("/api/v1/audit/sweeps").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(sweeper).get("/api/v1/audit/sweeps").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        for (Suite.Service service : LOGGED) {
            byte[] all = Files.readAllBytes(log(service));
            String log = new String(all, logStart.get(service).intValue(),
                    all.length - logStart.get(service).intValue(), StandardCharsets.UTF_8);
            assertTrue(log.contains("sweeping") || service == Suite.GATEWAY, "eligibility logs the refusals");
            assertFalse(log.contains("\"" + NUMBER + "\"") || log.contains("number=" + NUMBER)
                    || log.contains(INSURER + " " + SYMBOL), service.module() + "'s log shows the card numbers");
        }
    }

    private static Path log(Suite.Service service) {
        return Suite.root().resolve("e2e-tests/target/e2e-logs").resolve(service.module() + ".log");
    }

    private static Response check(String token, String number, String birthDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("method", "INSURANCE_CARD");
        body.put("visitDate", TODAY.toString());
        body.put("insurerNumber", INSURER);
        body.put("symbol", SYMBOL);
        body.put("number", number);
        body.put("branch", "00");
        body.put("birthDate", birthDate);
        body.put("reference", "e2e-sweep");
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/eligibility/checks");
    }
}
