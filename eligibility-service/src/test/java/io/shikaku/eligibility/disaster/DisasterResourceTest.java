package io.shikaku.eligibility.disaster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.testing.AdjustableClock;
import io.shikaku.common.testing.Tokens;

/** The ministry declares, lists and ends disasters (DOMAIN.md §8, API.md "Emergency and disaster"). */
@QuarkusTest
class DisasterResourceTest {

    @Inject
    AdjustableClock clock;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    static ValidatableResponse declare(String name, List<String> prefectures, LocalDate from, LocalDate until) {
        return given().auth().oauth2(Tokens.ministry()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "prefectures", prefectures, "from", from.toString(), "until",
                        until.toString()))
                .post("/api/v1/disasters").then();
    }

    private static LocalDate today() {
        return LocalDate.now(CalendarDates.JAPAN);
    }

    private static Map<String, Object> listed(String disasterId) {
        List<Map<String, Object>> all = given().auth().oauth2(Tokens.ministry()).get("/api/v1/disasters").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(d -> disasterId.equals(d.get("disasterId"))).findFirst().orElseThrow();
    }

    @Test
    void aDeclaredDisasterIsCreatedWithALocationAndListedAsActiveToday() {
        JsonPath created = declare("Tokyo flood", List.of("13", "14"), today().minusDays(1), today().plusDays(6))
                .statusCode(201)
                .header("Location", notNullValue())
                .body("name", equalTo("Tokyo flood"))
                .body("prefectures", equalTo(List.of("13", "14")))
                .body("from", equalTo(today().minusDays(1).toString()))
                .body("until", equalTo(today().plusDays(6).toString()))
                .body("endedAt", nullValue())
                .body("active", equalTo(true))
                .extract().jsonPath();
        String id = created.getString("disasterId");
        Map<String, Object> listed = listed(id);
        assertEquals(true, listed.get("active"));
        assertEquals("Tokyo flood", listed.get("name"));
    }

    @Test
    void theListIsNewestFirstAndSaysWhichAreInForceNow() {
        String past = declare("Past storm", List.of("01"), today().minusDays(30), today().minusDays(20))
                .statusCode(201).extract().path("disasterId");
        String future = declare("Coming typhoon", List.of("47"), today().plusDays(2), today().plusDays(3))
                .statusCode(201).extract().path("disasterId");
        List<String> ids = given().auth().oauth2(Tokens.ministry()).get("/api/v1/disasters").then().statusCode(200)
                .body("disasterId", hasItems(past, future)).extract().jsonPath().getList("disasterId");
        assertTrue(ids.indexOf(future) < ids.indexOf(past), "newest first");
        assertEquals(false, listed(past).get("active"));
        assertEquals(false, listed(future).get("active"));
        clock.advance(Duration.ofDays(3));
        assertEquals(true, listed(future).get("active"));
    }

    @Test
    void anInvalidDeclarationNamesEveryFieldAtFault() {
        given().auth().oauth2(Tokens.ministry()).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "prefectures", List.of("13", "48", "13"), "from", "2026-11-21",
                        "until", "2026-11-20"))
                .post("/api/v1/disasters").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("name", "prefectures[1]", "prefectures[2]", "until")));
        given().auth().oauth2(Tokens.ministry()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "prefectures", List.of(), "from", "2026-11-21", "until", "2026-11-21"))
                .post("/api/v1/disasters").then().statusCode(400).body("errors.field", equalTo(List.of("prefectures")));
        given().auth().oauth2(Tokens.ministry()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "prefectures", List.of("13"), "from", "2026-11-21T00:00:00Z",
                        "until", "2026-11-21"))
                .post("/api/v1/disasters").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void endingADisasterEarlyMakesItInactiveAndEndingItAgainChangesNothing() {
        String id = declare("Quake", List.of("17"), today(), today().plusDays(10)).statusCode(201).extract()
                .path("disasterId");
        given().auth().oauth2(Tokens.ministry()).delete("/api/v1/disasters/{id}", id).then().statusCode(204);
        Map<String, Object> ended = listed(id);
        assertEquals(false, ended.get("active"));
        Object endedAt = ended.get("endedAt");
        assertTrue(endedAt != null);
        clock.advance(Duration.ofMinutes(5));
        given().auth().oauth2(Tokens.ministry()).delete("/api/v1/disasters/{id}", id).then().statusCode(204);
        assertEquals(endedAt, listed(id).get("endedAt"));
    }

    @Test
    void anUnknownDisasterCannotBeEnded() {
        given().auth().oauth2(Tokens.ministry()).delete("/api/v1/disasters/{id}", UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(Tokens.ministry()).delete("/api/v1/disasters/not-a-uuid").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void onlyTheMinistryDeclaresListsAndEnds() {
        given().auth().oauth2(Tokens.clinic("0110113719")).get("/api/v1/disasters").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.emergencyStaff("1310123458", "DOCTOR")).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "prefectures", List.of("13"), "from", "2026-11-21", "until", "2026-11-21"))
                .post("/api/v1/disasters").then().statusCode(403);
        given().delete("/api/v1/disasters/{id}", UUID.randomUUID()).then().statusCode(401);
    }
}
