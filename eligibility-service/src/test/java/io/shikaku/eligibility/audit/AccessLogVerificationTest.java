package io.shikaku.eligibility.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.access.AccessBasis;
import io.shikaku.common.access.AccessKind;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.AccessLogEvents;
import io.shikaku.eligibility.support.AccessLogEvents.Access;

/**
 * The access log cannot be changed by the service's own role, and whatever someone with more rights changes in the
 * database (an entry altered, forged or removed) the verification detects, naming the first broken entry. Each
 * tampering holds the append lock (so the consumer appends nothing meanwhile), is done as the table's owner with the
 * trigger disabled and the grant restored in the same transaction, and is undone before the lock is released.
 */
@QuarkusTest
class AccessLogVerificationTest {

    private static final String LOCK = "hashtext('access_log append')";

    @Inject
    AgroalDataSource db;

    private AccessLogEvents events;

    @BeforeEach
    void attach() {
        events = new AccessLogEvents(db);
        events.awaitConsumerAttached();
    }

    @Test
    void anUntouchedLogIsValid() {
        long sequence = logged();
        verification().statusCode(200)
                .body("valid", equalTo(true))
                .body("firstBrokenEntry", nullValue())
                .body("entries", greaterThanOrEqualTo((int) sequence));
    }

    @Test
    void anEntryWhoseFacilityWasChangedBreaksTheChainAtThatEntry() throws SQLException {
        long sequence = logged();
        logged();
        try (Connection c = lockedLog()) {
            try {
                tamper(c, "UPDATE access_log SET facility_code = '1310123458' WHERE sequence = " + sequence);
                broken(sequence);
            } finally {
                tamper(c, "UPDATE access_log SET facility_code = '0110113719' WHERE sequence = " + sequence);
                unlock(c);
            }
        }
        verification().body("valid", equalTo(true));
    }

    @Test
    void aForgedEntryBreaksTheChainAtItsNumberEvenWithTheRightLinkAndAHashUnderAGuessedKey() throws SQLException {
        logged();
        try (Connection c = lockedLog()) {
            long head = longOf(c, "SELECT max(sequence) FROM access_log");
            try {
                byte[] last = bytesOf(c, "SELECT hash FROM access_log WHERE sequence = " + head);
                AccessChain guessed = new AccessChain(hmac("a key guessed by someone with database access only"));
                AccessEntry forged = guessed.append(new AccessChain.Head(head, last),
                        List.of(new AccessEntry(0, UUID.randomUUID(), Instant.now(), Instant.now(), UUID.randomUUID(),
                                "0110113719", "clinic-0110113719", null, AccessKind.MEDICATION, AccessBasis.CONSENT,
                                AccessChain.GENESIS, null)),
                        Instant.now()).get(0);
                insert(c, forged);
                broken(head + 1);
            } finally {
                tamper(c, "DELETE FROM access_log WHERE sequence > " + head);
                unlock(c);
            }
        }
        verification().body("valid", equalTo(true));
    }

    @Test
    void aRemovedEntryBreaksTheChainAtItsNumber() throws SQLException {
        long sequence = logged();
        logged();
        try (Connection c = lockedLog()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE removed AS SELECT * FROM access_log WHERE sequence = " + sequence);
            }
            try {
                tamper(c, "DELETE FROM access_log WHERE sequence = " + sequence);
                broken(sequence);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO access_log SELECT * FROM removed");
                    s.execute("DROP TABLE removed");
                }
                unlock(c);
            }
        }
        verification().body("valid", equalTo(true));
    }

    @Test
    void theServicesRoleCanNeitherChangeNorRemoveAnEntry() throws SQLException {
        long sequence = logged();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class,
                    () -> s.execute("UPDATE access_log SET facility_code = '1310123458' WHERE sequence = " + sequence));
            assertThrows(SQLException.class, () -> s.execute("DELETE FROM access_log WHERE sequence = " + sequence));
            assertThrows(SQLException.class, () -> s.execute("TRUNCATE access_log"));
        }
    }

    @Test
    void evenWithTheGrantBackTheTriggerRefusesChanges() throws SQLException {
        long sequence = logged();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("GRANT UPDATE, DELETE, TRUNCATE ON access_log TO CURRENT_USER");
                assertThrows(SQLException.class, () -> s
                        .execute("UPDATE access_log SET facility_code = '1310123458' WHERE sequence = " + sequence));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit/access-log?person=" + personOf(sequence))
                .then().statusCode(200).body("items[0].facilityCode", equalTo("0110113719"));
    }

    @Test
    void onlyAnAuditorMayVerify() {
        given().auth().oauth2(Tokens.patient(UUID.randomUUID())).get("/api/v1/audit/access-log/verification").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.clinic("0110113719")).get("/api/v1/audit/access-log/verification").then()
                .statusCode(403);
        given().get("/api/v1/audit/access-log/verification").then().statusCode(401);
    }

    /** Publishes a consent view of a fresh person at 0110113719 and waits for its entry; its sequence number. */
    private long logged() {
        Access view = Access.consentView(UUID.randomUUID(), "0110113719", Instant.now());
        AccessLogEvents.publish(view);
        return events.awaitLogged(view.eventId());
    }

    private void broken(long sequence) {
        verification().statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBrokenEntry", equalTo((int) sequence));
    }

    private static ValidatableResponse verification() {
        return given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit/access-log/verification").then();
    }

    /** A connection holding the append lock: the consumer appends nothing until {@link #unlock(Connection)}. */
    private Connection lockedLog() throws SQLException {
        Connection c = db.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + LOCK + ")");
        }
        return c;
    }

    private static void unlock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        }
    }

    /** Runs {@code sql} as the table's owner would: trigger off and the grant back, both restored on commit. */
    private static void tamper(Connection c, String sql) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only");
            s.execute("GRANT UPDATE, DELETE ON access_log TO CURRENT_USER");
            s.execute(sql);
            s.execute("REVOKE UPDATE, DELETE ON access_log FROM CURRENT_USER");
            s.execute("ALTER TABLE access_log ENABLE TRIGGER access_log_append_only");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void insert(Connection c, AccessEntry e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO access_log (sequence, event_id, accessed_at,"
                + " recorded_at, person_id, facility_code, viewer_subject, profession, kind, basis, previous_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, e.sequence());
            s.setObject(2, e.eventId());
            s.setObject(3, e.accessedAt().atOffset(java.time.ZoneOffset.UTC));
            s.setObject(4, e.recordedAt().atOffset(java.time.ZoneOffset.UTC));
            s.setObject(5, e.personId());
            s.setString(6, e.facilityCode());
            s.setString(7, e.viewerSubject());
            s.setString(8, e.profession());
            s.setString(9, e.kind().name());
            s.setString(10, e.basis().name());
            s.setBytes(11, e.previousHash());
            s.setBytes(12, e.hash());
            s.executeUpdate();
        }
    }

    private UUID personOf(long sequence) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT person_id FROM access_log WHERE sequence = " + sequence)) {
            rs.next();
            return rs.getObject(1, UUID.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long longOf(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] bytesOf(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    private static java.util.function.UnaryOperator<byte[]> hmac(String key) {
        return message -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return mac.doFinal(message);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
