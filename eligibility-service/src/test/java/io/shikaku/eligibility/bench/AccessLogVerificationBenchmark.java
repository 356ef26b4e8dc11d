package io.shikaku.eligibility.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shikaku.common.access.AccessBasis;
import io.shikaku.common.access.AccessKind;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.audit.AccessChain;
import io.shikaku.eligibility.audit.AccessEntry;
import io.shikaku.eligibility.audit.ChainKey;

/**
 * A benchmark, never part of the suite: how fast the verification walks a long access log. Appends
 * {@code shikaku.bench.access-log} valid entries (chained under the service's key, written straight to the test
 * database in statements of 10,000) and prints how long {@code GET /api/v1/audit/access-log/verification} took:
 *
 * <pre>
 * SHIKAKU_TEST_DB_NAME=eligibility_test ./mvnw -pl eligibility-service -am verify -Dtest=AccessLogVerificationBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dshikaku.bench.access-log=1000000
 * </pre>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "shikaku.bench.access-log", matches = "[0-9]+")
class AccessLogVerificationBenchmark {

    private static final int STATEMENT = 10_000;

    @Inject
    AgroalDataSource db;

    @Inject
    ChainKey key;

    @Test
    void verifiesALongLog() throws SQLException {
        long n = Long.parseLong(System.getProperty("shikaku.bench.access-log"));
        Instant writing = Instant.now();
        long head = append(n);
        Duration written = Duration.between(writing, Instant.now());

        Instant start = Instant.now();
        JsonPath answer = given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit/access-log/verification").then()
                .statusCode(200).extract().jsonPath();
        Duration took = Duration.between(start, Instant.now());
        assertEquals(true, answer.getBoolean("valid"));
        System.out.printf("access log verification: %d entries (%d appended in %d ms) verified in %d ms,"
                + " %.0f entries/s%n", answer.getLong("entries"), n, written.toMillis(), took.toMillis(),
                head * 1000.0 / Math.max(1, took.toMillis()));
    }

    private long append(long n) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(hashtext('access_log append'))");
            }
            AccessChain.Head head = AccessChain.Head.EMPTY;
            try (Statement s = c.createStatement();
                    ResultSet rs = s
                            .executeQuery("SELECT sequence, hash FROM access_log ORDER BY sequence DESC LIMIT 1")) {
                if (rs.next()) {
                    head = new AccessChain.Head(rs.getLong(1), rs.getBytes(2));
                }
            }
            Instant at = Instant.parse("2026-11-21T00:00:00Z");
            for (long done = 0; done < n; done += STATEMENT) {
                List<AccessEntry> accesses = new ArrayList<>();
                for (long i = done; i < Math.min(n, done + STATEMENT); i++) {
                    boolean lookup = i % 50 == 0;
                    accesses.add(new AccessEntry(0, UUID.randomUUID(), at.plusMillis(i), at, UUID.randomUUID(),
                            "0110113719", lookup ? "emergency-doctor" : "clinic-0110113719", lookup ? "DOCTOR" : null,
                            lookup ? AccessKind.LOOKUP : AccessKind.MEDICATION,
                            lookup ? AccessBasis.EMERGENCY : AccessBasis.CONSENT, AccessChain.GENESIS, null));
                }
                List<AccessEntry> entries = key.chain().append(head, accesses, Instant.now());
                insert(c, entries);
                AccessEntry last = entries.get(entries.size() - 1);
                head = new AccessChain.Head(last.sequence(), last.hash());
            }
            c.commit();
            return head.sequence();
        }
    }

    private static void insert(Connection c, List<AccessEntry> entries) throws SQLException {
        int n = entries.size();
        Object[][] columns = new Object[12][n];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            AccessEntry e = entries.get(i);
            Object[] row = {e.sequence(), e.eventId(), e.accessedAt().atOffset(ZoneOffset.UTC).toString(),
                    e.recordedAt().atOffset(ZoneOffset.UTC).toString(), e.personId(), e.facilityCode(),
                    e.viewerSubject(), e.profession(), e.kind().name(), e.basis().name(),
                    hex.formatHex(e.previousHash()), hex.formatHex(e.hash())};
            for (int k = 0; k < 12; k++) {
                columns[k][i] = row[k];
            }
        }
        String[] types = {"int8", "uuid", "text", "text", "uuid", "text", "text", "text", "text", "text", "text",
                "text"};
        try (PreparedStatement s = c.prepareStatement("INSERT INTO access_log (sequence, event_id, accessed_at,"
                + " recorded_at, person_id, facility_code, viewer_subject, profession, kind, basis, previous_hash, hash)"
                + " SELECT a, b, c::timestamptz, d::timestamptz, e, f, g, h, i, j, decode(k, 'hex'), decode(l, 'hex')"
                + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS t(a, b, c, d, e, f, g, h, i, j, k, l)")) {
            for (int k = 0; k < 12; k++) {
                s.setArray(k + 1, c.createArrayOf(types[k], columns[k]));
            }
            s.executeUpdate();
        }
    }
}
