package io.shikaku.checkup.batch;

import static io.restassured.RestAssured.given;
import static io.shikaku.checkup.support.CheckupUploads.awaitCompleted;
import static io.shikaku.checkup.support.CheckupUploads.items;
import static io.shikaku.checkup.support.CheckupUploads.record;
import static io.shikaku.checkup.support.CheckupUploads.report;
import static io.shikaku.checkup.support.CheckupUploads.submit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shikaku.checkup.support.QualificationEvents;
import io.shikaku.checkup.support.QualificationEvents.Numbers;
import io.shikaku.common.testing.Tokens;

/**
 * Insurers upload checkup results for their own members (DOMAIN.md §7): each line is judged on its own, attached to
 * the person the insurer covers on the examination date, and stored with its metabolic judgement and JLAC10 codes.
 */
@QuarkusTest
class CheckupBatchTest {

    private static final String INSURER = "06130017";
    private static final String OTHER_INSURER = "33120015";
    private static final LocalDate EXAMINED = LocalDate.now().minusMonths(2);

    @Inject
    AgroalDataSource db;

    private QualificationEvents events;

    @BeforeEach
    void attach() {
        events = new QualificationEvents(db);
        events.awaitConsumerAttached();
    }

    @Test
    void aMembersCheckupIsStoredWithItsMetabolicJudgementTheComputedBmiAndEveryItemsCode() {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        events.cover(person, List.of(new Numbers(INSURER, "12", number, "00", LocalDate.of(2020, 4, 1), null)));
        Map<String, Object> items = items();
        items.put("triglycerides", Map.of("value", 160, "code", "3F015000002327201", "unit", "mg/dL"));
        items.put("systolic", 135);
        items.put("urineGlucose", "TRACE");

        Response accepted = submit(INSURER, null, List.of(record("１２", number, "00", "MALE", EXAMINED, items)));
        accepted.then().statusCode(202).body("status", equalTo("ACCEPTED")).body("records", equalTo(1))
                .header("Location", containsString("/api/v1/insurers/" + INSURER + "/checkup-batches/"));
        JsonPath report = awaitCompleted(accepted);
        assertEquals(1, report.getInt("accepted"));
        assertEquals("ACCEPTED", report.getString("lines[0].outcome"));

        JsonPath stored = stored(person);
        assertEquals("MEETS_CRITERIA", stored.getString("metabolicSyndrome"));
        assertEquals(EXAMINED.toString(), stored.getString("examinedOn"));
        assertEquals(24.2f, stored.getFloat("items.bmi.value"));
        assertEquals(true, stored.getBoolean("items.bmi.computed"));
        assertEquals("9N011000000000001", stored.getString("items.bmi.code"));
        assertEquals("3F015000002327201", stored.getString("items.triglycerides.code"));
        assertEquals("9N016160100000001", stored.getString("items.waistCm.code"));
        assertEquals("TRACE", stored.getString("items.urineGlucose.value"));
        assertEquals("1A020000000191111", stored.getString("items.urineGlucose.code"));
    }

    @Test
    void aLineForAPersonTheInsurerDoesNotCoverOnTheExaminationDateIsRejectedAndShownToNobody() {
        UUID member = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        LocalDate from = EXAMINED.minusMonths(1);
        events.cover(member, List.of(new Numbers(INSURER, "7", number, "00", from, EXAMINED.plusDays(1))));
        UUID elsewhere = UUID.randomUUID();
        String otherNumber = QualificationEvents.freshNumber();
        events.cover(elsewhere, List.of(new Numbers(OTHER_INSURER, "7", otherNumber, "00", from, null)));

        JsonPath report = awaitCompleted(submit(INSURER, null, List.of(
                record("7", number, "00", "FEMALE", from.minusDays(1), items()),
                record("7", number, "00", "FEMALE", EXAMINED.plusDays(1), items()),
                record("7", otherNumber, "00", "MALE", EXAMINED, items()),
                record("7", number, "01", "FEMALE", EXAMINED, items()))));

        assertEquals(1, report.getInt("accepted"));
        assertEquals(3, report.getInt("rejected"));
        assertEquals(Arrays.asList("NOT_A_MEMBER", null, "NOT_A_MEMBER", "NOT_A_MEMBER"), report.getList("lines.code"));
        assertEquals(1, count("SELECT count(*) FROM checkup WHERE person_id = ?", member));
        assertEquals(0, count("SELECT count(*) FROM checkup WHERE person_id = ?", elsewhere));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("shikaku_checkup_lines_total{code=\"NOT_A_MEMBER\",outcome=\"REJECTED\"}"))
                .body(containsString("shikaku_checkup_lines_total{code=\"\",outcome=\"ACCEPTED\"}"));
        for (String message : report.<String>getList("lines.message")) {
            assertFalse(message != null && message.contains(number), "a message quotes no value");
        }
    }

    @Test
    void malformedLinesAreRejectedNamingTheFieldAndTheOthersAreStillAccepted() {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        events.cover(person, List.of(new Numbers(INSURER, "", number, "00", LocalDate.of(2020, 4, 1), null)));
        Map<String, Object> mmol = items();
        mmol.put("fastingGlucose", Map.of("value", 6.1, "unit", "mmol/L"));
        Map<String, Object> tall = items();
        tall.put("heightCm", 251);
        Map<String, Object> code = items();
        code.put("hdl", Map.of("value", 50, "code", "3F015000002327101"));
        Map<String, Object> noWaist = items();
        noWaist.remove("waistCm");
        Map<String, Object> unknown = items();
        unknown.put("cholesterol", 200);
        Map<String, Object> decimals = items();
        decimals.put("systolic", 120.5);

        JsonPath report = awaitCompleted(submit(INSURER, null, List.of(
                record("", number, "00", "MALE", EXAMINED, mmol),
                record("", number, "00", "MALE", EXAMINED, tall),
                record("", number, "00", "MALE", EXAMINED, code),
                record("", number, "00", "MALE", EXAMINED, noWaist),
                record("", number, "00", "MALE", EXAMINED, unknown),
                record("", number, "00", "MALE", EXAMINED, decimals),
                record("", number, "00", "MALE", LocalDate.now().plusDays(2), items()),
                record("", number, "00", "MALE", LocalDate.now().minusYears(5).minusDays(2), items()),
                record("", number, "00", "OTHER", EXAMINED, items()),
                record("", number, "0", "MALE", EXAMINED, items()),
                record("", number, "00", "MALE", EXAMINED, items()),
                record("", number, "00", "MALE", EXAMINED, items()))));

        assertEquals(Arrays.asList("UNIT_MISMATCH", "IMPLAUSIBLE_VALUE", "UNKNOWN_JLAC10_CODE", "MISSING_ITEM",
                "INVALID_FIELD", "IMPLAUSIBLE_VALUE", "INVALID_DATES", "INVALID_DATES", "INVALID_FIELD",
                "INVALID_FIELD", null, "DUPLICATE_LINE"), report.getList("lines.code"));
        assertEquals(List.of("items.fastingGlucose.unit: must be mg/dL",
                "items.heightCm: must be from 100 to 250 cm", "items.waistCm: required for the metabolic judgement",
                "items.cholesterol: not a checkup item", "sex: must be MALE or FEMALE", "branch: must be 2 digits"),
                List.of(report.getString("lines[0].message"), report.getString("lines[1].message"),
                        report.getString("lines[3].message"), report.getString("lines[4].message"),
                        report.getString("lines[8].message"), report.getString("lines[9].message")));
        assertEquals(1, report.getInt("accepted"));
        assertEquals(11, report.getInt("rejected"));
        assertEquals(1, count("SELECT count(*) FROM checkup WHERE person_id = ?", person));
    }

    @Test
    void theSameKeyAndBodyGiveTheSameBatchOnceAndTheKeyWithAnotherBodyIsAConflict() {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        events.cover(person, List.of(new Numbers(INSURER, "3", number, "00", LocalDate.of(2020, 4, 1), null)));
        String key = "checkups-" + UUID.randomUUID();
        List<Map<String, Object>> records = List.of(record("3", number, "00", "FEMALE", EXAMINED, items()));

        Response first = submit(INSURER, key, records);
        first.then().statusCode(202);
        Response again = submit(INSURER, key, records);
        again.then().statusCode(202).body("batchId", equalTo(first.path("batchId")))
                .header("Location", equalTo(first.header("Location")));
        awaitCompleted(first);
        assertEquals(1, count("SELECT count(*) FROM checkup_batch WHERE id IN (SELECT b.id FROM checkup_batch b"
                + " JOIN checkup_line l ON l.batch_id = b.id WHERE l.number_key = ?)", number));
        assertEquals(1, count("SELECT count(*) FROM checkup WHERE person_id = ?", person));

        Response other = submit(INSURER, key, List.of(record("3", number, "00", "FEMALE", EXAMINED.minusDays(1),
                items())));
        other.then().statusCode(409).contentType("application/problem+json").body("code", equalTo("CONFLICT"));
        submit(INSURER, "k".repeat(256), records).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aBatchResentUnderTheSameKeyCountsItsLinesOnceInTheMetrics() {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        events.cover(person, List.of(new Numbers(INSURER, "6", number, "00", LocalDate.of(2020, 4, 1), null)));
        Map<String, Object> unknownCode = items();
        unknownCode.put("hdl", Map.of("value", 50, "code", "3F015000002327101"));
        List<Map<String, Object>> records = List.of(record("6", number, "00", "MALE", EXAMINED, items()),
                record("6", number, "00", "MALE", EXAMINED.minusDays(1), unknownCode));
        String rejected = "shikaku_checkup_lines_total{code=\"UNKNOWN_JLAC10_CODE\",outcome=\"REJECTED\"}";
        String accepted = "shikaku_checkup_lines_total{code=\"\",outcome=\"ACCEPTED\"}";
        double rejectedBefore = metric(rejected);
        double acceptedBefore = metric(accepted);

        String key = "checkups-" + UUID.randomUUID();
        Response first = submit(INSURER, key, records);
        awaitCompleted(first);
        submit(INSURER, key, records).then().statusCode(202).body("batchId", equalTo(first.path("batchId")));

        assertEquals(1.0, metric(rejected) - rejectedBefore, "the rejected line counted once");
        assertEquals(1.0, metric(accepted) - acceptedBefore, "the accepted line counted once");
    }

    private static double metric(String series) {
        for (String line : given().get("/q/metrics").then().statusCode(200).extract().asString().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    @Test
    void aResentBatchReplacesTheCheckupOfThatDayInsteadOfAddingOne() {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        events.cover(person, List.of(new Numbers(INSURER, "4", number, "00", LocalDate.of(2020, 4, 1), null)));
        awaitCompleted(submit(INSURER, null, List.of(record("4", number, "00", "MALE", EXAMINED, items()))));
        Map<String, Object> corrected = items();
        corrected.put("waistCm", 80.0);
        awaitCompleted(submit(INSURER, null, List.of(record("4", number, "00", "MALE", EXAMINED, corrected))));

        assertEquals(1, count("SELECT count(*) FROM checkup WHERE person_id = ?", person));
        assertEquals(80f, stored(person).getFloat("items.waistCm.value"));
        assertEquals("NOT_APPLICABLE", stored(person).getString("metabolicSyndrome"));
    }

    @Test
    void aBatchWhoseChunkFailsIsSetAsideAndLaterBatchesAreStillAttached() throws Exception {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        events.cover(person, List.of(new Numbers(INSURER, "5", number, "00", LocalDate.of(2020, 4, 1), null)));
        UUID broken = UUID.randomUUID();
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            // a line that cannot be stored (no items): its chunk fails every time
            s.execute("INSERT INTO checkup_batch (id, insurer_number, status, records, accepted_at) VALUES ('"
                    + broken + "', '" + INSURER + "', 'ACCEPTED', 1, now() - interval '1 minute')");
            s.execute("INSERT INTO checkup_line (batch_id, line, pending, symbol_key, number_key, branch, sex,"
                    + " examined_on, items, metabolic_syndrome) VALUES ('" + broken + "', 1, true, '5', '" + number
                    + "', '00', 'MALE', '" + EXAMINED + "', NULL, 'NOT_APPLICABLE')");
        }

        JsonPath report = awaitCompleted(submit(INSURER, null, List.of(record("5", number, "00", "MALE",
                EXAMINED.minusDays(7), items()))));

        assertEquals(1, report.getInt("accepted"));
        assertEquals(1, count("SELECT count(*) FROM checkup_batch WHERE id = ? AND status <> 'COMPLETED'", broken));
    }

    @Test
    void onlyTheInsurerItselfMaySubmitOrReadItsBatches() {
        List<Map<String, Object>> records = List.of(record("1", "1", "00", "MALE", EXAMINED, items()));
        given().auth().oauth2(Tokens.insurer(OTHER_INSURER)).contentType(ContentType.JSON)
                .body(Map.of("records", records)).post("/api/v1/insurers/" + INSURER + "/checkup-batches").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.withClaim("clinic", "insurer_number", INSURER)).contentType(ContentType.JSON)
                .body(Map.of("records", records)).post("/api/v1/insurers/" + INSURER + "/checkup-batches").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        Response mine = submit(INSURER, null, records);
        mine.then().statusCode(202);
        given().auth().oauth2(Tokens.insurer(OTHER_INSURER)).get(report(mine)
                .replace(INSURER, OTHER_INSURER)).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void anEmptyBatchIsInvalidAndOneAbove50000RecordsIsTooLarge() {
        submit(INSURER, null, List.of()).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("records"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= CheckupBatches.MAX_RECORDS; i++) {
            tooMany.add(Map.of());
        }
        submit(INSURER, null, tooMany).then().statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("detail", containsString("50000"));
    }

    private JsonPath stored(UUID person) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT json_build_object('examinedOn', examined_on,"
                        + " 'metabolicSyndrome', metabolic_syndrome, 'items', items)::text FROM checkup"
                        + " WHERE person_id = ?")) {
            s.setObject(1, person);
            try (ResultSet rs = s.executeQuery()) {
                assertEquals(true, rs.next(), "a checkup is stored");
                String json = rs.getString(1);
                assertNotNull(json);
                return new JsonPath(json);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... values) {
        return events.count(sql, values);
    }
}
