package io.shikaku.eligibility.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shikaku.common.testing.AdjustableClock;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.Fixtures;

/** Checks land in their month's partition, stray rows leave DEFAULT, and old months are dropped whole. */
@QuarkusTest
class CheckRetentionTest {

    private static final String CLINIC = "0110113719";
    private static final String INSURER = "06130017";

    @Inject
    AgroalDataSource db;

    @Inject
    AdjustableClock clock;

    @Inject
    CheckRetention retention;

    private Fixtures fixtures;

    @BeforeEach
    void facility() {
        fixtures = new Fixtures(db);
        fixtures.insurer(INSURER, "さくら健康保険組合");
        fixtures.liveFacility(CLINIC);
    }

    @AfterEach
    void backToNow() throws SQLException {
        clock.reset();
        retention.run();
    }

    @Test
    void checksRecordedInDifferentMonthsLandInTheirMonthsPartitionAndAreFoundById() throws SQLException {
        YearMonth thisMonth = CheckPartitions.monthOf(Instant.now());
        String now = recordCheck();
        moveClockTo(thisMonth.plusMonths(1));
        String nextMonth = recordCheck();

        assertEquals(CheckPartitions.name(thisMonth), partitionOf(now));
        assertEquals(CheckPartitions.name(thisMonth.plusMonths(1)), partitionOf(nextMonth));
        assertFoundById(now);
        assertFoundById(nextMonth);
    }

    @Test
    void aCheckInAMonthWithoutPartitionLandsInDefaultAndMovesToItsPartitionWhenTheJobCreatesIt() throws SQLException {
        YearMonth longAgo = CheckPartitions.monthOf(Instant.now()).minusMonths(7);
        moveClockTo(longAgo);
        String stray = recordCheck();
        assertEquals(CheckPartitions.DEFAULT_PARTITION, partitionOf(stray));

        clock.reset();
        CheckRetention.Report report = retention.run();

        assertTrue(report.created().contains(CheckPartitions.name(longAgo)), report.toString());
        assertTrue(report.moved() >= 1, report.toString());
        assertEquals(CheckPartitions.name(longAgo), partitionOf(stray));
        assertEquals(0, count("SELECT count(*) FROM " + CheckPartitions.DEFAULT_PARTITION));
        assertFoundById(stray);
    }

    @Test
    void fiveYearsOnTheJobDropsTheMonthsPastRetentionAndKeepsTheRecentOnes() throws SQLException {
        YearMonth thisMonth = CheckPartitions.monthOf(Instant.now());
        String old = recordCheck();
        moveClockTo(thisMonth.plusMonths(2));
        String recent = recordCheck();

        moveClockTo(thisMonth.plusYears(5).plusMonths(2));
        CheckRetention.Report report = retention.run();

        Set<String> partitions = partitions();
        assertTrue(report.dropped().contains(CheckPartitions.name(thisMonth)), report.toString());
        assertFalse(partitions.contains(CheckPartitions.name(thisMonth)));
        assertFalse(partitions.contains(CheckPartitions.name(thisMonth.plusMonths(1))));
        assertTrue(partitions.contains(CheckPartitions.name(thisMonth.plusMonths(2))));
        assertTrue(partitions.contains(CheckPartitions.name(thisMonth.plusYears(5).plusMonths(5))));
        assertTrue(partitions.contains(CheckPartitions.DEFAULT_PARTITION));
        given().auth().oauth2(Tokens.clinic(CLINIC)).get("/api/v1/eligibility/checks/{id}", old)
                .then().statusCode(404);
        assertFoundById(recent);
    }

    @Test
    void runningTheJobTwiceChangesNothingTheSecondTime() throws SQLException {
        retention.run();
        Set<String> before = partitions();
        long checks = count("SELECT count(*) FROM eligibility_check");

        CheckRetention.Report again = retention.run();

        assertEquals(new CheckRetention.Report(java.util.List.of(), 0, java.util.List.of()), again);
        assertEquals(before, partitions());
        assertEquals(checks, count("SELECT count(*) FROM eligibility_check"));
    }

    /** Moves the service's clock to the second day of a month in Japan. */
    private void moveClockTo(YearMonth month) {
        clock.reset();
        Instant target = CheckPartitions.from(month).plusDays(1).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
    }

    private String recordCheck() {
        String number = Fixtures.freshNumber();
        UUID person = fixtures.person("山田 太郎", "MALE", "1980-04-01");
        fixtures.qualification(person, INSURER, "1234", number, "00", "2015-04-01", null);
        Map<String, Object> body = Map.of("method", "INSURANCE_CARD", "visitDate", "2026-11-21", "insurerNumber",
                INSURER, "symbol", "1234", "number", number, "branch", "00", "birthDate", "1980-04-01");
        return given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/eligibility/checks")
                .then().statusCode(200).body("validity", equalTo("VALID")).extract().path("checkId");
    }

    private static void assertFoundById(String checkId) {
        given().auth().oauth2(Tokens.clinic(CLINIC)).get("/api/v1/eligibility/checks/{id}", checkId)
                .then().statusCode(200).body("checkId", equalTo(checkId));
    }

    private String partitionOf(String checkId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT tableoid::regclass::text FROM eligibility_check WHERE id = ?")) {
            s.setObject(1, UUID.fromString(checkId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private Set<String> partitions() throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT c.relname FROM pg_inherits i"
                        + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'eligibility_check'::regclass");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
