package io.shikaku.eligibility.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.AccessLogEvents;
import io.shikaku.eligibility.support.AccessLogEvents.Access;
import io.shikaku.eligibility.support.LifecycleEvents;

/**
 * Auditors read the whole access log by person, facility, basis and period, paged and newest first; a patient reads
 * only the entries of the token's own person, with facility names and the profession of emergency staff but never the
 * viewer's subject. Every access is published on the real broker and read back through the endpoints.
 */
@QuarkusTest
class AccessLogReadingTest {

    private static final String NAMED = "0110113719";

    @Inject
    AgroalDataSource db;

    private AccessLogEvents events;

    /** A person's four accesses in a day of its own, oldest first, and another person's one. */
    private UUID person;
    private UUID other;
    private String unnamed;
    private Instant day;

    @BeforeEach
    void logAccesses() {
        events = new AccessLogEvents(db);
        events.awaitConsumerAttached();
        person = UUID.randomUUID();
        other = UUID.randomUUID();
        unnamed = LifecycleEvents.freshCode();
        named(NAMED, "札幌内科クリニック");
        // a time of its own in 2030-2040, between 10:00 and 20:00 in Japan (the accesses stay within the Japan day);
        // every test logs its own five, and no two tests' periods may meet (a shared day once made four persons of two)
        day = Instant.parse("2030-01-01T01:00:00Z").plusSeconds(86_400L * ThreadLocalRandom.current().nextInt(3_650)
                + 60L * ThreadLocalRandom.current().nextInt(600));
        Access[] accesses = {
                Access.consentView(person, NAMED, day),
                Access.consentView(person, NAMED, day.plusSeconds(60)).withKind("CHECKUP", "CONSENT", null,
                        "clinic-" + NAMED),
                Access.consentView(person, NAMED, day.plusSeconds(120)),
                Access.consentView(person, unnamed, day.plusSeconds(180)).withKind("LOOKUP", "EMERGENCY", "DOCTOR",
                        "emergency-doctor"),
                Access.consentView(other, NAMED, day.plusSeconds(90))};
        for (Access access : accesses) {
            AccessLogEvents.publish(access);
        }
        for (Access access : accesses) {
            events.awaitLogged(access.eventId());
        }
    }

    @Test
    void anAuditorReadsAPersonsEntriesNewestFirstWithEveryDetail() {
        audit("person=" + person).statusCode(200)
                .body("total", equalTo(4))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("items.accessedAt", contains(at(180), at(120), at(60), at(0)))
                .body("items.kind", contains("LOOKUP", "MEDICATION", "CHECKUP", "MEDICATION"))
                .body("items[0].basis", equalTo("EMERGENCY"))
                .body("items[0].facilityCode", equalTo(unnamed))
                .body("items[0].viewerSubject", equalTo("emergency-doctor"))
                .body("items[0].profession", equalTo("DOCTOR"))
                .body("items[0].personId", equalTo(person.toString()))
                .body("items[1].viewerSubject", equalTo("clinic-" + NAMED))
                .body("items[1].profession", nullValue());
    }

    @Test
    void everyFilterApplies() {
        audit("person=" + person + "&facility=" + NAMED).body("total", equalTo(3));
        audit("person=" + person + "&basis=EMERGENCY").body("total", equalTo(1))
                .body("items[0].kind", equalTo("LOOKUP"));
        audit("facility=" + unnamed).body("total", equalTo(1));
        audit("person=" + person + "&from=" + at(60) + "&to=" + at(120)).body("total", equalTo(2))
                .body("items.accessedAt", contains(at(120), at(60)));
        audit("facility=" + NAMED + "&from=" + at(60) + "&to=" + at(90)).body("items.personId",
                containsInAnyOrder(person.toString(), other.toString()));
        String japanDay = day.atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate().toString();
        audit("person=" + person + "&from=" + japanDay + "&to=" + japanDay).body("total", equalTo(4));
        String nextDay = day.atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate().plusDays(1).toString();
        audit("person=" + person + "&from=" + nextDay).body("total", equalTo(0));
    }

    @Test
    void pagesFollowEachOtherAndTheTotalCountsEveryMatch() {
        audit("person=" + person + "&size=3&page=0").body("total", equalTo(4))
                .body("items.accessedAt", contains(at(180), at(120), at(60)));
        audit("person=" + person + "&size=3&page=1").body("total", equalTo(4)).body("page", equalTo(1))
                .body("items.accessedAt", contains(at(0)));
        audit("person=" + person + "&size=3&page=2").body("items.size()", equalTo(0));
    }

    @Test
    void aMalformedParameterIsABadRequestNamingIt() {
        String[][] cases = {{"size=0", "size"}, {"size=501", "size"}, {"size=ten", "size"}, {"page=-1", "page"},
                {"basis=consent", "basis"}, {"basis=LOOKUP", "basis"}, {"person=123", "person"},
                {"facility=0110113718", "facility"}, {"facility=011011371", "facility"},
                {"from=2026-11-22&to=2026-11-21", "from"}, {"from=yesterday", "from"}, {"to=2026-13-01", "to"}};
        for (String[] c : cases) {
            audit(c[0]).statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo(c[1]));
        }
        own(person, "size=501").statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void onlyAnAuditorReadsTheLog() {
        for (String token : new String[] {Tokens.patient(person), Tokens.clinic(NAMED), Tokens.portalAdmin(),
                Tokens.emergencyStaff(NAMED, "DOCTOR")}) {
            given().auth().oauth2(token).get("/api/v1/audit/access-log").then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        }
        given().get("/api/v1/audit/access-log").then().statusCode(401);
    }

    @Test
    void aPatientSeesOnlyTheirOwnAccessesWithFacilityNamesAndTheEmergencyProfession() {
        own(person, "").statusCode(200)
                .body("total", equalTo(4))
                .body("items.accessedAt", contains(at(180), at(120), at(60), at(0)))
                .body("items.facilityCode", contains(unnamed, NAMED, NAMED, NAMED))
                .body("items.facilityName", contains(null, "札幌内科クリニック", "札幌内科クリニック", "札幌内科クリニック"))
                .body("items.profession", contains("DOCTOR", null, null, null))
                .body("items.basis", contains("EMERGENCY", "CONSENT", "CONSENT", "CONSENT"))
                .body("items.kind", contains("LOOKUP", "MEDICATION", "CHECKUP", "MEDICATION"))
                .body("items[0]", not(hasKey("viewerSubject")))
                .body("items[0]", not(hasKey("personId")));
        own(other, "").body("total", equalTo(1)).body("items[0].accessedAt", equalTo(at(90)));
    }

    @Test
    void aPatientNeverReadsAnotherPersonsEntries() {
        own(other, "person=" + person).statusCode(200).body("total", equalTo(1))
                .body("items[0].accessedAt", equalTo(at(90)));
        own(person, "from=" + at(100) + "&size=1").body("total", equalTo(2))
                .body("items.accessedAt", contains(at(180)));
        given().auth().oauth2(Tokens.withRoles("patient")).get("/api/v1/me/access-log").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/me/access-log").then().statusCode(403);
        given().auth().oauth2(Tokens.clinic(NAMED)).get("/api/v1/me/access-log").then().statusCode(403);
    }

    private String at(int seconds) {
        return day.plusSeconds(seconds).toString();
    }

    private static ValidatableResponse audit(String query) {
        return given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit/access-log?" + query).then();
    }

    private static ValidatableResponse own(UUID person, String query) {
        return given().auth().oauth2(Tokens.patient(person))
                .get("/api/v1/me/access-log" + (query.isEmpty() ? "" : "?" + query)).then();
    }

    /** The facility projection knows this facility's name (pinned, as the fixtures pin live facilities). */
    private void named(String code, String name) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO facility"
                        + " (facility_code, type, prefecture, go_live_on, emergency_terminal, state_time, name)"
                        + " VALUES (?, 'MEDICAL_CLINIC', ?, DATE '2021-10-01', false, 'infinity', ?)"
                        + " ON CONFLICT (facility_code) DO UPDATE SET name = EXCLUDED.name")) {
            s.setString(1, code);
            s.setString(2, code.substring(0, 2));
            s.setString(3, name);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
