package io.shikaku.eligibility.bulk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.event.Topics;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.CheckCounts;
import io.shikaku.eligibility.support.Fixtures;
import io.shikaku.eligibility.support.LifecycleEvents;

@QuarkusTest
class BulkInquiryTest {

    private static final String CLINIC = "0110113719";
    private static final String OTHER_CLINIC = "1310123458";
    private static final String INSURER = "06130017";
    private static final String VISIT = "2026-11-21";
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @Inject
    AgroalDataSource db;

    @Inject
    BulkWorker worker;

    private Fixtures fixtures;

    @BeforeEach
    void facilities() {
        fixtures = new Fixtures(db);
        fixtures.insurer(INSURER, "さくら健康保険組合");
        fixtures.liveFacility(CLINIC);
        fixtures.liveFacility(OTHER_CLINIC);
    }

    @Test
    void aMixedInquiryCompletesWithOneResultPerEntryAndItsCounts() {
        String number = Fixtures.freshNumber();
        UUID taro = fixtures.person("山田 太郎", "MALE", "1980-04-01");
        fixtures.qualification(taro, INSURER, "1234", number, "00", "2015-04-01", null);
        List<Map<String, Object>> entries = List.of(
                entry(INSURER, number, "1980-04-01", "p-valid"),
                entry(INSURER, Fixtures.freshNumber(), "1980-04-01", "p-unknown"),
                entry("06130018", number, "1980-04-01", "p-check-digit"),
                entry(INSURER, number, "not-a-date", "p-bad-date"));

        double valid = CheckCounts.of("BULK", "MEDICAL_CLINIC", "VALID");
        double notFound = CheckCounts.of("BULK", "MEDICAL_CLINIC", "NOT_FOUND");
        var accepted = submit(CLINIC, null, entries).statusCode(202)
                .body("status", equalTo("ACCEPTED"))
                .body("entries", equalTo(4))
                .extract();
        String inquiry = accepted.path("inquiryId");
        assertThat(accepted.header("Location"), endsWith("/api/v1/eligibility/bulk-inquiries/" + inquiry));
        awaitCompleted(CLINIC, inquiry);

        view(CLINIC, inquiry, "").statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("processed", equalTo(4))
                .body("normal", equalTo(2))
                .body("errors", equalTo(2))
                .body("results.reference", equalTo(List.of("p-valid", "p-unknown", "p-check-digit", "p-bad-date")))
                .body("results[0].validity", equalTo("VALID"))
                .body("results[0].qualification.name", equalTo("山田 太郎"))
                .body("results[0].error", nullValue())
                .body("results[1].validity", equalTo("NOT_FOUND"))
                .body("results[1].qualification", nullValue())
                .body("results[2].validity", nullValue())
                .body("results[2].error.code", equalTo("INVALID_FIELD"))
                .body("results[2].error.message",
                        equalTo("insurerNumber: must be a 6- or 8-digit insurer number with a correct check digit"))
                .body("results[3].error.message", equalTo("birthDate: must be a date (yyyy-MM-dd)"));
        assertEquals(2, count("SELECT count(*) FROM eligibility_check c JOIN bulk_entry e ON e.check_id = c.id"
                + " WHERE e.inquiry_id = ? AND c.method = 'BULK'", UUID.fromString(inquiry)));
        view(CLINIC, inquiry, "?page=1&size=3").statusCode(200)
                .body("results.reference", equalTo(List.of("p-bad-date")));
        KafkaTestKit.await("the valid entry counted once committed", PATIENCE,
                () -> CheckCounts.of("BULK", "MEDICAL_CLINIC", "VALID"), count -> count == valid + 1);
        assertEquals(notFound + 1, CheckCounts.of("BULK", "MEDICAL_CLINIC", "NOT_FOUND"));
    }

    @Test
    void everyAnsweredEntryIsPublishedAsABulkCheckWithoutPersonalData() {
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.ELIGIBILITY_CHECKS)) {
            String inquiry = submit(CLINIC, null, List.of(
                    entry(INSURER, Fixtures.freshNumber(), "1961-03-03", "e-1"),
                    entry(INSURER, Fixtures.freshNumber(), "1961-03-03", "e-2"),
                    entry(INSURER, Fixtures.freshNumber(), "1961-03-33", "e-3")))
                    .statusCode(202).extract().path("inquiryId");
            awaitCompleted(CLINIC, inquiry);
            List<String> checkIds = new ArrayList<>();
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "SELECT check_id FROM bulk_entry WHERE inquiry_id = ? AND check_id IS NOT NULL")) {
                s.setObject(1, UUID.fromString(inquiry));
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        checkIds.add(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            assertEquals(2, checkIds.size());
            List<ConsumerRecord<String, String>> published = watch.awaitAll(
                    record -> checkIds.stream().anyMatch(record.value()::contains), 2);
            for (ConsumerRecord<String, String> record : published) {
                assertEquals(CLINIC, record.key());
                assertTrue(record.value().contains("\"method\":\"BULK\""), record.value());
                assertFalse(record.value().contains("1961-03-03"), "no personal data in the event");
            }
        }
    }

    @Test
    void tenThousandEntriesCompleteWithTenThousandResults() {
        List<Map<String, Object>> entries = new ArrayList<>();
        String number = Fixtures.freshNumber();
        UUID hanako = fixtures.person("佐藤 花子", "FEMALE", "1975-06-15");
        fixtures.qualification(hanako, INSURER, "1234", number, "00", "2010-04-01", null);
        for (int i = 0; i < BulkInquiries.MAX_ENTRIES; i++) {
            entries.add(i % 2 == 0
                    ? entry(INSURER, number, "1975-06-15", "big-" + i)
                    : entry(INSURER, Fixtures.freshNumber(), "1975-06-15", "big-" + i));
        }
        long started = System.nanoTime();
        String inquiry = submit(CLINIC, null, entries).statusCode(202).extract().path("inquiryId");
        awaitCompleted(CLINIC, inquiry);
        System.out.printf("Bulk inquiry of %d entries completed in %d ms%n", entries.size(),
                (System.nanoTime() - started) / 1_000_000);

        view(CLINIC, inquiry, "?size=10000").statusCode(200)
                .body("processed", equalTo(10_000))
                .body("normal", equalTo(10_000))
                .body("errors", equalTo(0))
                .body("results.size()", equalTo(10_000))
                .body("results[9999].reference", equalTo("big-9999"))
                .body("results[9999].validity", equalTo("NOT_FOUND"))
                .body("results[9998].validity", equalTo("VALID"));
        assertEquals(10_000, count("SELECT count(DISTINCT c.id) FROM eligibility_check c JOIN bulk_entry e"
                + " ON e.check_id = c.id WHERE e.inquiry_id = ?", UUID.fromString(inquiry)));
    }

    @Test
    void moreThanTenThousandEntriesAreTooLarge() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i <= BulkInquiries.MAX_ENTRIES; i++) {
            entries.add(entry(INSURER, "1", "1975-06-15", "x"));
        }
        submit(CLINIC, null, entries).statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
        submit(CLINIC, null, List.of()).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveOneInquiryAndAnotherBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> entries = List.of(entry(INSURER, Fixtures.freshNumber(), "1980-04-01", "k-1"));
        String first = submit(CLINIC, key, entries).statusCode(202).extract().path("inquiryId");
        submit(CLINIC, key, entries).statusCode(202).body("inquiryId", equalTo(first));
        submit(CLINIC, key, List.of(entry(INSURER, Fixtures.freshNumber(), "1980-04-01", "k-2")))
                .statusCode(409).body("code", equalTo("CONFLICT"));
        assertEquals(1, count("SELECT count(*) FROM bulk_entry WHERE reference = 'k-1' AND inquiry_id = ?",
                UUID.fromString(first)));
    }

    @Test
    void anotherFacilityCannotSeeTheInquiry() {
        String inquiry = submit(CLINIC, null, List.of(entry(INSURER, Fixtures.freshNumber(), "1980-04-01", "o-1")))
                .statusCode(202).extract().path("inquiryId");
        view(OTHER_CLINIC, inquiry, "").statusCode(404).body("code", equalTo("NOT_FOUND"));
        view(CLINIC, UUID.randomUUID().toString(), "").statusCode(404);
    }

    @Test
    void aFacilityNotLiveOnTheVisitDateIsRefused() {
        submit(LifecycleEvents.freshCode(), null, List.of(entry(INSURER, Fixtures.freshNumber(), "1980-04-01", "n-1")))
                .statusCode(403).body("code", equalTo("FACILITY_NOT_LIVE"));
    }

    @Test
    void aWorkerRestartedMidWayNeitherLosesNorRepeatsAnEntry() {
        // The timer is off in tests (application.properties): once idle, only this test starts the worker.
        KafkaTestKit.await("the worker idle with nothing pending", PATIENCE,
                () -> worker.idle() && count("SELECT count(*) FROM bulk_entry WHERE pending") == 0, done -> done);
        UUID inquiry = UUID.randomUUID();
        String prefix = "r-" + inquiry.toString().substring(0, 8) + "-";
        int size = 7;
        update("INSERT INTO bulk_inquiry (id, facility_code, visit_date, status, entries, accepted_at)"
                + " VALUES (?, ?, DATE '" + VISIT + "', 'ACCEPTED', ?, now())", inquiry, CLINIC, size);
        // numbers of their own: seven NOT_FOUND answers for the same numbers would be a sweep (BulkSweepTest)
        update("INSERT INTO bulk_entry (inquiry_id, position, reference, insurer_number, symbol, number, branch,"
                + " birth_date, pending) SELECT ?, g, ? || g, ?, '1', ? || g, '00', DATE '1980-04-01', true"
                + " FROM generate_series(0, ? - 1) g", inquiry, prefix, INSURER, Fixtures.freshNumber(), size);

        int first = worker.processChunk(3).await().atMost(PATIENCE);
        assertEquals(3, first, "one chunk of three entries committed before the 'crash'");
        assertEquals(size - 3, count("SELECT count(*) FROM bulk_entry WHERE inquiry_id = ? AND pending", inquiry));

        worker.wake();
        awaitCompleted(CLINIC, inquiry.toString());
        assertEquals(size, count("SELECT count(*) FROM bulk_entry WHERE inquiry_id = ? AND NOT pending"
                + " AND check_id IS NOT NULL", inquiry));
        assertEquals(size, count("SELECT count(*) FROM eligibility_check WHERE reference LIKE ? || '%'"
                + " AND method = 'BULK'", prefix));
        assertEquals(size, count("SELECT count(DISTINCT reference) FROM eligibility_check WHERE reference LIKE ?"
                + " || '%'", prefix));
    }

    private static Map<String, Object> entry(String insurer, String number, String birthDate, String reference) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("insurerNumber", insurer);
        entry.put("symbol", "1234");
        entry.put("number", number);
        entry.put("branch", "00");
        entry.put("birthDate", birthDate);
        entry.put("reference", reference);
        return entry;
    }

    private ValidatableResponse submit(String facility, String key, List<Map<String, Object>> entries) {
        var request = given().auth().oauth2(Tokens.clinic(facility)).contentType(ContentType.JSON)
                .body(Map.of("visitDate", VISIT, "entries", entries));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/eligibility/bulk-inquiries").then();
    }

    private ValidatableResponse view(String facility, String inquiry, String query) {
        return given().auth().oauth2(Tokens.clinic(facility))
                .get("/api/v1/eligibility/bulk-inquiries/" + inquiry + query).then();
    }

    private void awaitCompleted(String facility, String inquiry) {
        KafkaTestKit.await("bulk inquiry " + inquiry + " completed", PATIENCE,
                () -> view(facility, inquiry, "?size=1").statusCode(200).extract().<String>path("status"),
                "COMPLETED"::equals);
    }

    private long count(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
