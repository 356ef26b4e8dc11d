package io.shikaku.eligibility.sweep;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.CapturedLogs;
import io.shikaku.eligibility.support.Fixtures;

/** The attacker's sweep of birth dates for one card's numbers (issue 13, item 4), refused and shown to the auditor. */
@QuarkusTest
class SweepTest {

    private static final String INSURER = "06130017";
    private static final String BIRTH_DATE = "2001-02-03";

    @Inject
    AgroalDataSource db;

    private Fixtures fixtures;
    private String facility;
    private String otherFacility;
    private String number;
    private final CapturedLogs logs = new CapturedLogs();

    @BeforeEach
    void aPatientAndTwoLiveFacilities() {
        fixtures = new Fixtures(db);
        fixtures.insurer(INSURER, "さくら健康保険組合");
        facility = Fixtures.freshFacilityCode("13");
        otherFacility = Fixtures.freshFacilityCode("27");
        fixtures.liveFacility(facility);
        fixtures.liveFacility(otherFacility);
        number = Fixtures.freshNumber();
        UUID patient = fixtures.person("渡辺 由美", "FEMALE", BIRTH_DATE);
        fixtures.qualification(patient, INSURER, "7001", number, "00", "2019-04-01", null);
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Test
    void oneFacilitySweepingBirthDatesIsRefusedAfterTheThresholdAndTheAuditorSeesTheSweep() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            Response answer = check(facility, LocalDate.of(1930, 1, 1).plusDays(3L * i).toString());
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 200) {
                assertEquals("NOT_FOUND", answer.path("validity"));
            } else {
                answer.then().statusCode(429).contentType("application/problem+json")
                        .body("code", equalTo("RATE_LIMITED"));
                long retryAfter = Long.parseLong(answer.header("Retry-After"));
                assertTrue(retryAfter > 23 * 3600 && retryAfter <= 24 * 3600, "until the window ends: " + retryAfter);
            }
        }
        assertEquals(List.of(200, 200, 200, 200, 200), statuses.subList(0, 5), "five NOT_FOUND answers");
        assertTrue(statuses.subList(5, 180).stream().allMatch(s -> s == 429), "then only refusals: " + statuses);

        // the right birth date, found at last, reveals nothing to the sweeping facility
        check(facility, BIRTH_DATE).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
        // another facility checking the patient is not affected
        check(otherFacility, BIRTH_DATE).then().statusCode(200).body("validity", equalTo("VALID"));

        given().auth().oauth2(Tokens.auditor()).queryParam("facility", facility).get("/api/v1/audit/sweeps")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items", hasSize(1))
                .body("items[0].facilityCode", equalTo(facility))
                .body("items[0].attempts", equalTo(5))
                .body("items[0].refused", equalTo(176))
                .body("items[0].numbersHash", matchesPattern("[0-9a-f]{64}"))
                .body("items[0].firstAt", notNullValue())
                .body("items[0].refusedUntil", notNullValue());
        given().auth().oauth2(Tokens.auditor()).queryParam("facility", otherFacility).get("/api/v1/audit/sweeps")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.clinic(facility)).get("/api/v1/audit/sweeps").then().statusCode(403);

        String stored = String.join("\n", fixtures.rowsAsText(
                "SELECT facility_code || ' ' || encode(numbers_hash, 'hex') FROM check_sweep WHERE facility_code = ?",
                facility));
        assertTrue(!stored.isEmpty() && !stored.contains(number), "only the numbers' keyed hash is stored");
        List<String> lines = logs.lines();
        assertTrue(lines.stream().noneMatch(line -> line.contains(number)), "a card number was logged");
        assertTrue(lines.stream().anyMatch(line -> line.contains("sweeping")), "the refusals are logged: " + lines);
    }

    /**
     * A burst of checks at once, as a clinic system can send them: they read and count the window one after another,
     * so exactly the threshold's NOT_FOUND answers are given and one window counts them all (without the window lock,
     * 24 of 40 were answered, in four windows).
     */
    @Test
    void aBurstOfChecksAtOnceIsRefusedFromTheThresholdOnAsASequenceWouldBe() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(40);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String birthDate = LocalDate.of(1930, 1, 1).plusDays(3L * i).toString();
                statuses.add(senders.submit(() -> {
                    go.await();
                    return check(facility, birthDate).statusCode();
                }));
            }
            go.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                byStatus.merge(status.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertEquals(Map.of(200, 5, 429, 35), byStatus);
        } finally {
            senders.shutdownNow();
        }
        assertEquals(List.of("5/35"), fixtures.rowsAsText(
                "SELECT attempts || '/' || refused FROM check_sweep WHERE facility_code = ?", facility));
        check(facility, BIRTH_DATE).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void aBirthDateMistypedTwiceThenRightIsValidAndTheFacilitysOtherPatientsAreUnaffected() {
        check(facility, "2001-03-02").then().statusCode(200).body("validity", equalTo("NOT_FOUND"));
        check(facility, "2001-02-04").then().statusCode(200).body("validity", equalTo("NOT_FOUND"));
        for (int i = 0; i < 10; i++) {
            check(facility, BIRTH_DATE).then().statusCode(200).body("validity", equalTo("VALID"));
        }
        given().auth().oauth2(Tokens.auditor()).queryParam("facility", facility).get("/api/v1/audit/sweeps")
                .then().statusCode(200).body("total", equalTo(0));

        // after a sweep of someone else's numbers, the facility still checks this patient
        String swept = Fixtures.freshNumber();
        for (int i = 0; i < 6; i++) {
            checkNumbers(facility, swept, LocalDate.of(1950, 1, 1).plusDays(i).toString());
        }
        checkNumbers(facility, swept, "1950-01-01").then().statusCode(429);
        check(facility, BIRTH_DATE).then().statusCode(200).body("validity", equalTo("VALID"));
    }

    @Test
    void badSweepQueriesAreValidationProblems() {
        given().auth().oauth2(Tokens.auditor()).queryParam("facility", "123").queryParam("size", "0")
                .get("/api/v1/audit/sweeps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("facility", "size"));
    }

    private Response check(String facilityCode, String birthDate) {
        return checkNumbers(facilityCode, number, birthDate);
    }

    private static Response checkNumbers(String facilityCode, String cardNumber, String birthDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("method", "INSURANCE_CARD");
        body.put("visitDate", "2026-11-21");
        body.put("insurerNumber", INSURER);
        body.put("symbol", "7001");
        body.put("number", cardNumber);
        body.put("branch", "00");
        body.put("birthDate", birthDate);
        body.put("reference", "sweep");
        return given().auth().oauth2(Tokens.clinic(facilityCode)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/eligibility/checks");
    }
}
