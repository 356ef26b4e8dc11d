package io.shikaku.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shikaku.common.testing.KafkaTestKit;

/**
 * Portal administrators bring the national master in and read the published figures (DOMAIN.md §10); a facility walks
 * its onboarding to go-live and can then check eligibility; its checks appear in the usage statistics once each, even
 * when Kafka delivers an event twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FacilityOnboardingThroughGatewayTest {

    private static final Suite SUITE = new Suite();
    private static final String IMPORTS = "/api/v1/facilities/imports";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static String walkingFacility;

    @BeforeAll
    static void startSuite() throws Exception {
        SUITE.startAll();
        RestAssured.baseURI = Suite.gatewayUrl();
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 120_000));
    }

    @AfterAll
    static void stopSuite() throws InterruptedException {
        SUITE.stopAll();
    }

    @Test
    @Order(1)
    void theNationalMasterImportsInOneRequestAndReproducesThePublishedFigures() throws Exception {
        byte[] master = NationalMaster.csv();
        String admin = Keycloak.userToken("portal-admin");
        long started = System.nanoTime();
        given().auth().oauth2(admin).contentType("text/csv").body(master).post(IMPORTS)
                .then().statusCode(200).body("imported", equalTo(229_202)).body("rejected", equalTo(0));
        System.out.printf("[e2e] national master (%,d bytes, 229,202 rows) imported through the gateway in %d ms%n",
                master.length, (System.nanoTime() - started) / 1_000_000);

        Response adoption = given().auth().oauth2(admin).queryParam("asOf", "2021-11-21").get("/api/v1/stats/adoption");
        adoption.then().statusCode(200);
        assertEquals(List.of(8_230, 89_425, 70_815, 60_732), byType(adoption, "facilities"));
        assertEquals(List.of(6_391, 39_455, 34_481, 49_083), byType(adoption, "readerApplied"));
        assertEquals(List.of(1_917, 7_722, 5_920, 10_408), byType(adoption, "ready"));
        assertEquals(List.of(1_406, 4_836, 4_160, 6_992), byType(adoption, "live"));
        assertEquals(List.of(77.7f, 44.1f, 48.7f, 80.8f), byTypeRate(adoption, "readerAppliedRate"));
        adoption.then().body("total.facilities", equalTo(229_202)).body("total.readerApplied", equalTo(129_410))
                .body("total.readerAppliedRate", equalTo(56.5f)).body("total.ready", equalTo(25_967))
                .body("total.readyRate", equalTo(11.3f)).body("total.live", equalTo(17_394))
                .body("total.liveRate", equalTo(7.6f));

        Response bands = given().auth().oauth2(admin).queryParam("asOf", "2021-11-21").queryParam("type", "HOSPITAL")
                .get("/api/v1/stats/adoption/prefectures");
        bands.then().statusCode(200);
        Map<Integer, Integer> byBand = bands.jsonPath().<Map<String, Object>>getList("bands").stream()
                .collect(Collectors.toMap(b -> ((Number) b.get("fromRate")).intValue(),
                        b -> ((Number) b.get("prefectures")).intValue()));
        assertEquals(1, byBand.get(90));
        assertEquals(22, byBand.get(80));
        assertEquals(21, byBand.get(70));
        assertEquals(3, byBand.get(60));

        Response trend = given().auth().oauth2(admin).queryParam("from", "2021-10-20").queryParam("to", "2021-11-21")
                .get("/api/v1/stats/adoption/trend");
        trend.then().statusCode(200);
        assertEquals(List.of(290, 1_650, 1_270, 2_395), byType(trend, "readyIncrease"));
        assertEquals(List.of(350, 1_596, 1_335, 2_437), byType(trend, "liveIncrease"));
        trend.then().body("total.readyIncrease", equalTo(5_605)).body("total.liveIncrease", equalTo(5_718));
    }

    @Test
    @Order(2)
    void aFacilityThatRegistersGoLiveTodayCanCheckAndOneThatHasNotCannot() {
        String admin = Keycloak.userToken("portal-admin");
        walkingFacility = given().auth().oauth2(admin).queryParam("stage", "REGISTERED")
                .queryParam("type", "MEDICAL_CLINIC").queryParam("size", 1).get("/api/v1/facilities")
                .then().statusCode(200).extract().path("items[0].facilityCode");
        String clinic = Keycloak.clientToken(Keycloak.registerClinicSystem(walkingFacility));

        check(clinic).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("FACILITY_NOT_LIVE"));

        String facility = "/api/v1/facilities/" + walkingFacility;
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("registeredOn", TODAY.toString()))
                .post(facility + "/account").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("readers", 1, "appliedOn", TODAY.toString()))
                .post(facility + "/reader-applications").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("readyOn", TODAY.toString()))
                .post(facility + "/readiness").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("goLiveOn", TODAY.toString()))
                .put(facility + "/go-live").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("readyOn", TODAY.toString()))
                .post(facility + "/readiness").then().statusCode(409).body("code", equalTo("INVALID_LIFECYCLE_STEP"));

        // the projection applies the whole national master's events first (about 15,000 a second)
        KafkaTestKit.await("the go-live date reaching eligibility", Duration.ofSeconds(180),
                () -> check(clinic).statusCode(), status -> status == 200);
        check(clinic).then().statusCode(200).body("validity", equalTo("VALID"));
    }

    @Test
    @Order(3)
    void checksAppearInTheUsageStatisticsOnceEachEvenWhenAnEventArrivesTwice() {
        String admin = Keycloak.userToken("portal-admin");
        String clinic = Keycloak.clientToken("clinic-" + walkingFacility);
        awaitUsageCaughtUp(admin);
        int before = clinicChecks(admin);

        try (KafkaTestKit.Watch checks = KafkaTestKit.watch(SUITE.topic("eligibility-checks"))) {
            String checkId = check(clinic).then().statusCode(200).extract().path("checkId");
            ConsumerRecord<String, String> event = checks.await(r -> r.value().contains(checkId));
            KafkaTestKit.produce(event.topic(), event.key(), event.value(),
                    Map.of("ce_id", KafkaTestKit.header(event, "ce_id"), "ce_type",
                            KafkaTestKit.header(event, "ce_type")));
        }
        check(clinic).then().statusCode(200);
        awaitUsageCaughtUp(admin);
        assertEquals(before + 2, clinicChecks(admin), "the re-delivered event was counted again");
    }

    @Test
    @Order(4)
    void aFacilityAdminActsOnlyForItsOwnFacilityAndReadsNoStatistics() {
        String facilityAdmin = Keycloak.userToken("facility-admin-0110113719");
        given().auth().oauth2(facilityAdmin).get("/api/v1/facilities/0110113719").then().statusCode(200);
        given().auth().oauth2(facilityAdmin).get("/api/v1/facilities/" + walkingFacility).then().statusCode(403);
        given().auth().oauth2(facilityAdmin).contentType(ContentType.JSON).body(Map.of("goLiveOn", TODAY.toString()))
                .put("/api/v1/facilities/" + walkingFacility + "/go-live").then().statusCode(403);
        given().auth().oauth2(facilityAdmin).get("/api/v1/stats/adoption").then().statusCode(403);
    }

    /**
     * Waits until the usage statistics have read everything published so far: a marker check of the walking facility
     * on a day of its own, behind every earlier event on the topic's one partition (the suite's broker has one), is
     * counted. The statistics read the topic's whole history, earlier runs' checks included.
     */
    private static void awaitUsageCaughtUp(String admin) {
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(5_000));
        String id = UUID.randomUUID().toString();
        String type = "io.shikaku.eligibility.check.recorded";
        KafkaTestKit.produce(SUITE.topic("eligibility-checks"), walkingFacility,
                "{\"id\":\"" + id + "\",\"type\":\"" + type
                        + "\",\"source\":\"e2e-tests\",\"time\":\"" + day + "T03:00:00Z\",\"subject\":\"" + id
                        + "\",\"data\":{\"checkId\":\"" + id + "\",\"facilityCode\":\"" + walkingFacility
                        + "\",\"method\":\"BULK\",\"validity\":\"VALID\",\"visitDate\":\"" + day
                        + "\",\"checkedAt\":\"" + day + "T03:00:00Z\"}}",
                Map.of("ce_id", id, "ce_type", type));
        KafkaTestKit.await("the usage statistics reading up to now", Duration.ofSeconds(120), () -> {
            Response usage = given().auth().oauth2(admin).queryParam("from", day.toString())
                    .queryParam("to", day.toString()).get("/api/v1/stats/usage");
            return usage.jsonPath().getInt("byType.find { it.type == 'MEDICAL_CLINIC' }.bulk");
        }, bulk -> bulk == 1);
    }

    private static Response check(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("method", "INSURANCE_CARD", "visitDate", TODAY.toString(), "insurerNumber", "06130017",
                        "symbol", "1234", "number", "5678", "branch", "00", "birthDate", "1980-04-01"))
                .post("/api/v1/eligibility/checks");
    }

    /** Insurance-card checks by medical clinics today, as the usage statistics count them. */
    private static int clinicChecks(String admin) {
        Response usage = given().auth().oauth2(admin).queryParam("from", TODAY.toString())
                .queryParam("to", TODAY.toString()).get("/api/v1/stats/usage");
        usage.then().statusCode(200);
        return usage.jsonPath().getInt("byType.find { it.type == 'MEDICAL_CLINIC' }.insuranceCard");
    }

    private static List<Integer> byType(Response response, String field) {
        return List.of("HOSPITAL", "MEDICAL_CLINIC", "DENTAL_CLINIC", "PHARMACY").stream()
                .map(type -> response.jsonPath().getInt("byType.find { it.type == '" + type + "' }." + field))
                .toList();
    }

    private static List<Float> byTypeRate(Response response, String field) {
        return List.of("HOSPITAL", "MEDICAL_CLINIC", "DENTAL_CLINIC", "PHARMACY").stream()
                .map(type -> response.jsonPath().getFloat("byType.find { it.type == '" + type + "' }." + field))
                .toList();
    }
}
