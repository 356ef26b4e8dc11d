package io.shikaku.eligibility.bulk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.identifier.CardNumbers;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.check.CheckRecorded;
import io.shikaku.eligibility.support.CapturedLogs;
import io.shikaku.eligibility.support.Fixtures;
import io.shikaku.eligibility.sweep.NumbersHash;
import io.shikaku.eligibility.sweep.StreakWalks;
import io.shikaku.eligibility.sweep.Sweeps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A sweep of birth dates for one card's numbers by bulk inquiry (README "Sweeps"): its entries count and are refused
 * as single checks are, in the same windows.
 */
@QuarkusTest
class BulkSweepTest {

    private static final String INSURER = "06130017";
    private static final String SYMBOL = "7001";
    private static final String BIRTH_DATE = "2001-02-03";
    private static final String VISIT = "2026-11-21";
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final String REFUSAL = "These card numbers were checked with too many different birth dates from"
            + " this facility; try again after \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    @Inject
    AgroalDataSource db;

    @Inject
    BulkWorker worker;

    @Inject
    Sweeps sweeps;

    @Inject
    NumbersHash numbersHashes;

    @Inject
    Pool pool;

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
        fixtures.qualification(patient, INSURER, SYMBOL, number, "00", "2019-04-01", null);
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Test
    void oneInquiryOfThirtyWrongBirthDatesThenTheRightOneIsRefusedFromTheSixthEntry() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(entry(number, wrongBirthDate(i), "w-" + i));
        }
        entries.add(entry(number, BIRTH_DATE, "right"));
        double refusedBefore = refusedSweeps();

        String inquiry = submit(facility, entries);
        awaitCompleted(facility, inquiry);

        ValidatableResponse view = view(facility, inquiry).statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("processed", equalTo(31))
                .body("normal", equalTo(5))
                .body("errors", equalTo(26))
                .body("results.size()", equalTo(31))
                .body("results[0..4].validity", everyItem(equalTo("NOT_FOUND")))
                .body("results[5..30].validity", everyItem(nullValue()))
                .body("results[5..30].qualification", everyItem(nullValue()))
                .body("results[5..30].error.code", everyItem(equalTo("RATE_LIMITED")))
                .body("results[30].reference", equalTo("right"));
        List<String> messages = view.extract().path("results[5..30].error.message");
        for (String message : messages) {
            assertTrue(message.matches(REFUSAL), message);
            assertFalse(message.contains(number) || message.contains(BIRTH_DATE), "no numbers nor birth date");
        }
        Instant retry = Instant.parse(messages.get(0).substring(messages.get(0).lastIndexOf(' ') + 1));
        assertTrue(retry.isAfter(Instant.now().plus(Duration.ofHours(23)))
                && retry.isBefore(Instant.now().plus(Duration.ofHours(24)).plusSeconds(1)),
                "try again when the window ends: " + retry);

        assertEquals(5, fixtures.count("SELECT count(*) FROM eligibility_check WHERE facility_code = ?", facility),
                "a refused entry is not a recorded check");
        assertEquals(5, fixtures.count("SELECT count(*) FROM outbox WHERE record_key = ? AND event_type = ?", facility,
                CheckRecorded.TYPE), "nor a published one");
        assertEquals(26, refusedSweeps() - refusedBefore, "every refused entry counted once");
        auditedSweep(facility, 5, 26);

        // the sweep refuses single checks of these numbers from this facility too
        check(facility, BIRTH_DATE).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
        auditedSweep(facility, 5, 27);

        // another facility checking the patient is not affected, in bulk or alone
        String other = submit(otherFacility, List.of(entry(number, BIRTH_DATE, "other")));
        awaitCompleted(otherFacility, other);
        view(otherFacility, other).statusCode(200)
                .body("results[0].validity", equalTo("VALID"))
                .body("results[0].qualification.name", equalTo("渡辺 由美"));
        check(otherFacility, BIRTH_DATE).then().statusCode(200).body("validity", equalTo("VALID"));
        audited(otherFacility).body("total", equalTo(0));

        List<String> lines = logs.lines();
        assertTrue(lines.stream().noneMatch(line -> line.contains(number)), "a card number was logged");
        assertTrue(lines.stream().anyMatch(line -> line.contains("sweeping") && line.contains(facility)),
                "the refusals are logged: " + lines);
    }

    @Test
    void aSweepBySingleChecksRefusesTheFacilitysBulkEntriesOfThoseNumbersOnly() {
        for (int i = 0; i < 5; i++) {
            check(facility, wrongBirthDate(i)).then().statusCode(200).body("validity", equalTo("NOT_FOUND"));
        }
        String otherNumber = Fixtures.freshNumber();
        UUID otherPatient = fixtures.person("高橋 健", "MALE", "1966-06-06");
        fixtures.qualification(otherPatient, INSURER, SYMBOL, otherNumber, "00", "2019-04-01", null);

        String inquiry = submit(facility, List.of(entry(number, BIRTH_DATE, "right"),
                entry(otherNumber, "1966-06-06", "other-patient"), entry(number, wrongBirthDate(9), "wrong")));
        awaitCompleted(facility, inquiry);

        view(facility, inquiry).statusCode(200)
                .body("normal", equalTo(1))
                .body("errors", equalTo(2))
                .body("results[0].error.code", equalTo("RATE_LIMITED"))
                .body("results[0].qualification", nullValue())
                .body("results[1].validity", equalTo("VALID"))
                .body("results[1].qualification.name", equalTo("高橋 健"))
                .body("results[2].error.code", equalTo("RATE_LIMITED"));
        auditedSweep(facility, 5, 2);
    }

    @Test
    void entriesCountAcrossChunksAndTheirSweepRefusesSingleChecks() {
        // The timer is off in tests (application.properties): once idle, only this test starts the worker.
        KafkaTestKit.await("the worker idle with nothing pending", PATIENCE,
                () -> worker.idle() && fixtures.count("SELECT count(*) FROM bulk_entry WHERE pending") == 0,
                done -> done);
        UUID inquiry = UUID.randomUUID();
        int size = 9;
        fixtures.update("INSERT INTO bulk_inquiry (id, facility_code, visit_date, status, entries, accepted_at)"
                + " VALUES (?, ?, DATE '" + VISIT + "', 'ACCEPTED', ?, now())", inquiry, facility, size);
        for (int i = 0; i < size; i++) {
            fixtures.update(
                    "INSERT INTO bulk_entry (inquiry_id, position, reference, insurer_number, symbol, number, branch,"
                            + " birth_date, pending) VALUES (?, ?, ?, ?, ?, ?, '00', ?, true)",
                    inquiry, i, "c-" + i, INSURER,
                    SYMBOL, number, java.sql.Date.valueOf(i == size - 1 ? BIRTH_DATE : wrongBirthDate(i)));
        }

        assertEquals(3, worker.processChunk(3).await().atMost(PATIENCE));
        audited(facility).body("total", equalTo(0));
        assertEquals(3, fixtures.count("SELECT attempts FROM check_sweep WHERE facility_code = ?", facility),
                "the first chunk's three NOT_FOUND answers are counted when it commits");
        assertEquals(3, worker.processChunk(3).await().atMost(PATIENCE));
        auditedSweep(facility, 5, 1);

        check(facility, wrongBirthDate(20)).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
        worker.wake();
        awaitCompleted(facility, inquiry.toString());
        view(facility, inquiry.toString()).statusCode(200)
                .body("results[0..4].validity", everyItem(equalTo("NOT_FOUND")))
                .body("results[5..8].error.code", everyItem(equalTo("RATE_LIMITED")))
                .body("results[8].reference", equalTo("c-8"));
        auditedSweep(facility, 5, 5);
    }

    @Test
    void chunksCountingTheSameWindowAtOnceAddUpExactly() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String numbersHash = HexFormat.of()
                .formatHex(numbersHashes.of(INSURER, CardNumbers.key(SYMBOL), CardNumbers.key(number), "00"));
        List<Uni<Void>> chunks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            chunks.add(pool.withTransaction(c -> sweeps.countAll(c,
                    List.of(new StreakWalks.WindowCount(facility, numbersHash, start, 1, 0)), start)));
        }
        Uni.join().all(chunks).andFailFast().await().atMost(PATIENCE);

        auditedSweep(facility, 8, 0);
        check(facility, BIRTH_DATE).then().statusCode(429);
    }

    @Test
    void aBirthDateMistypedTwiceThenRightIsAnsweredValid() {
        String inquiry = submit(facility, List.of(entry(number, "2001-03-02", "typo-1"),
                entry(number, "2001-02-04", "typo-2"), entry(number, BIRTH_DATE, "right")));
        awaitCompleted(facility, inquiry);
        view(facility, inquiry).statusCode(200)
                .body("normal", equalTo(3))
                .body("errors", equalTo(0))
                .body("results.validity", equalTo(List.of("NOT_FOUND", "NOT_FOUND", "VALID")))
                .body("results[2].qualification.name", equalTo("渡辺 由美"));
        audited(facility).body("total", equalTo(0));
        check(facility, BIRTH_DATE).then().statusCode(200).body("validity", equalTo("VALID"));
    }

    private static String wrongBirthDate(int i) {
        return LocalDate.of(1930, 1, 1).plusDays(3L * i).toString();
    }

    private static Map<String, Object> entry(String cardNumber, String birthDate, String reference) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("insurerNumber", INSURER);
        entry.put("symbol", SYMBOL);
        entry.put("number", cardNumber);
        entry.put("branch", "00");
        entry.put("birthDate", birthDate);
        entry.put("reference", reference);
        return entry;
    }

    private static String submit(String facilityCode, List<Map<String, Object>> entries) {
        return given().auth().oauth2(Tokens.clinic(facilityCode)).contentType(ContentType.JSON)
                .body(Map.of("visitDate", VISIT, "entries", entries))
                .post("/api/v1/eligibility/bulk-inquiries").then().statusCode(202).extract().path("inquiryId");
    }

    private static ValidatableResponse view(String facilityCode, String inquiry) {
        return given().auth().oauth2(Tokens.clinic(facilityCode))
                .get("/api/v1/eligibility/bulk-inquiries/" + inquiry + "?size=100").then();
    }

    private static void awaitCompleted(String facilityCode, String inquiry) {
        KafkaTestKit.await("bulk inquiry " + inquiry + " completed", PATIENCE,
                () -> view(facilityCode, inquiry).statusCode(200).extract().<String>path("status"),
                "COMPLETED"::equals);
    }

    private Response check(String facilityCode, String birthDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("method", "INSURANCE_CARD");
        body.put("visitDate", VISIT);
        body.put("insurerNumber", INSURER);
        body.put("symbol", SYMBOL);
        body.put("number", number);
        body.put("branch", "00");
        body.put("birthDate", birthDate);
        body.put("reference", "sweep");
        return given().auth().oauth2(Tokens.clinic(facilityCode)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/eligibility/checks");
    }

    private static ValidatableResponse audited(String facilityCode) {
        return given().auth().oauth2(Tokens.auditor()).queryParam("facility", facilityCode)
                .get("/api/v1/audit/sweeps").then().statusCode(200);
    }

    private static void auditedSweep(String facilityCode, int attempts, int refused) {
        audited(facilityCode)
                .body("total", equalTo(1))
                .body("items[0].attempts", equalTo(attempts))
                .body("items[0].refused", equalTo(refused));
    }

    /** {@code shikaku_eligibility_checks_refused_total{reason="SWEEP"}} from {@code /q/metrics}. */
    private static double refusedSweeps() {
        Matcher m = Pattern.compile("(?m)^shikaku_eligibility_checks_refused_total\\{reason=\"SWEEP\",?} (\\S+)$")
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
