package io.shikaku.checkup.retention;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shikaku.checkup.support.CheckupUploads;
import io.shikaku.checkup.support.QualificationEvents;
import io.shikaku.checkup.support.QualificationEvents.Numbers;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.testing.AdjustableClock;
import io.shikaku.common.testing.Tokens;

/** Checkups are kept 5 years after the examination, batch reports 5 years after acceptance (DOMAIN.md §11). */
@QuarkusTest
class CheckupRetentionTest {

    private static final String INSURER = "06130017";

    @Inject
    AgroalDataSource db;

    @Inject
    AdjustableClock clock;

    @Inject
    CheckupRetention retention;

    private QualificationEvents events;

    @BeforeEach
    void attach() {
        events = new QualificationEvents(db);
        events.awaitConsumerAttached();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCheckupIsPurgedTheDayAfterItsFifthYearAndItsBatchReportFiveYearsAfterAcceptance() {
        UUID person = UUID.randomUUID();
        String number = QualificationEvents.freshNumber();
        events.cover(person, List.of(new Numbers(INSURER, "9", number, "00", LocalDate.of(2015, 4, 1), null)));
        LocalDate today = LocalDate.now(clock.withZone(CalendarDates.JAPAN));
        LocalDate oldest = today.minusYears(5);
        LocalDate recent = today.minusMonths(1);
        Response accepted = CheckupUploads.submit(INSURER, null, List.of(
                CheckupUploads.record("9", number, "00", "MALE", oldest, CheckupUploads.items()),
                CheckupUploads.record("9", number, "00", "MALE", recent, CheckupUploads.items())));
        assertEquals(2, CheckupUploads.awaitCompleted(accepted).getInt("accepted"));
        String report = CheckupUploads.report(accepted);

        retention.run().await().indefinitely();
        assertEquals(List.of(oldest.toString(), recent.toString()), examinations(person));

        clock.advance(Duration.ofDays(1));
        retention.run().await().indefinitely();
        assertEquals(List.of(recent.toString()), examinations(person));
        given().auth().oauth2(Tokens.insurer(INSURER)).get(report).then().statusCode(200);

        clock.advance(Duration.ofDays(5 * 366));
        retention.run().await().indefinitely();
        assertEquals(List.of(), examinations(person));
        given().auth().oauth2(Tokens.insurer(INSURER)).get(report).then().statusCode(404);
    }

    @Test
    void aProjectedConsentIsPurgedADayAfterItExpires() throws SQLException {
        UUID consent = UUID.randomUUID();
        Instant expires = clock.instant().plus(Duration.ofHours(24));
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO"
                        + " consent_grant (consent_id, person_id, facility_code, medication, checkup, granted_at, expires_at)"
                        + " VALUES (?, ?, '0110113719', true, true, ?, ?)")) {
            insert.setObject(1, consent);
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            insert.setObject(4, expires.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        clock.advance(Duration.ofHours(48).minusMinutes(1));
        retention.run().await().indefinitely();
        assertEquals(1, consents(consent), "kept until a day after it expired");
        clock.advance(Duration.ofMinutes(2));
        retention.run().await().indefinitely();
        assertEquals(0, consents(consent));
    }

    private int consents(UUID consent) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement count = c
                        .prepareStatement("SELECT count(*) FROM consent_grant WHERE consent_id = ?")) {
            count.setObject(1, consent);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void aLineExaminedBeforeTheRetentionIsRejectedAtOnce() {
        LocalDate today = LocalDate.now(clock.withZone(CalendarDates.JAPAN));
        Response accepted = CheckupUploads.submit(INSURER, null, List.of(CheckupUploads.record("9",
                QualificationEvents.freshNumber(), "00", "MALE", today.minusYears(5).minusDays(1),
                CheckupUploads.items())));
        assertEquals("INVALID_DATES", CheckupUploads.awaitCompleted(accepted).getString("lines[0].code"));
    }

    private List<String> examinations(UUID person) {
        try (var c = db.getConnection();
                var s = c
                        .prepareStatement("SELECT examined_on FROM checkup WHERE person_id = ? ORDER BY examined_on")) {
            s.setObject(1, person);
            List<String> found = new java.util.ArrayList<>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
