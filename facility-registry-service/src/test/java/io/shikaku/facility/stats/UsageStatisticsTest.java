package io.shikaku.facility.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shikaku.common.event.EventHeaders;
import io.shikaku.common.event.Topics;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class UsageStatisticsTest {

    private static final String CLINIC = "0110113719";
    private static final String HOSPITAL = "1310123458";
    private static final String DENTAL = "1330123454";
    private static final String PHARMACY = "1340123452";

    @Inject
    Pool db;

    @BeforeAll
    static void loadTheDemoMaster() {
        DemoMasterTable.load();
    }

    @AfterAll
    static void emptyTheMaster() {
        DemoMasterTable.empty();
    }

    @Test
    void theFourWeeksOfTheReportGiveSection10sUsePerLiveFacilityPerDay() {
        DemoMasterTable.execute("DELETE FROM usage_daily WHERE day BETWEEN '2021-10-20' AND '2021-11-16'");
        DemoMasterTable.execute("INSERT INTO usage_daily (facility_code, day, method, checks) VALUES"
                + " ('" + HOSPITAL + "', '2021-10-20', 'MY_NUMBER_CARD', 36000),"
                + " ('" + HOSPITAL + "', '2021-11-01', 'INSURANCE_CARD', 921679),"
                + " ('" + HOSPITAL + "', '2021-11-16', 'BULK', 2718911),"
                + " ('" + CLINIC + "', '2021-10-21', 'MY_NUMBER_CARD', 32188),"
                + " ('" + CLINIC + "', '2021-10-21', 'INSURANCE_CARD', 3145359),"
                + " ('" + CLINIC + "', '2021-10-21', 'BULK', 91311),"
                + " ('" + DENTAL + "', '2021-10-22', 'MY_NUMBER_CARD', 22185),"
                + " ('" + DENTAL + "', '2021-10-22', 'INSURANCE_CARD', 718261),"
                + " ('" + DENTAL + "', '2021-10-22', 'BULK', 473110),"
                + " ('" + PHARMACY + "', '2021-10-23', 'MY_NUMBER_CARD', 25985),"
                + " ('" + PHARMACY + "', '2021-10-23', 'INSURANCE_CARD', 6067359),"
                + " ('" + PHARMACY + "', '2021-10-23', 'BULK', 15775),"
                + " ('" + CLINIC + "', '2021-10-19', 'BULK', 999),"
                + " ('" + CLINIC + "', '2021-11-17', 'BULK', 999)");

        given().auth().oauth2(Tokens.portalAdmin())
                .get("/api/v1/stats/usage?from=2021-10-20&to=2021-11-16&liveAsOf=2021-11-14").then()
                .statusCode(200)
                .body("liveAsOf", equalTo("2021-11-14"))
                .body("byType.type", contains("HOSPITAL", "MEDICAL_CLINIC", "DENTAL_CLINIC", "PHARMACY"))
                .body("byType.myNumberCard", contains(36_000, 32_188, 22_185, 25_985))
                .body("byType.insuranceCard", contains(921_679, 3_145_359, 718_261, 6_067_359))
                .body("byType.bulk", contains(2_718_911, 91_311, 473_110, 15_775))
                .body("byType.total", contains(3_676_590, 3_268_858, 1_213_556, 6_109_119))
                .body("byType.liveFacilities", contains(1_336, 4_478, 3_837, 6_006))
                .body("byType.perFacilityPerDay", contains(98.3f, 26.1f, 11.3f, 36.3f))
                .body("byType.medicationViews", contains(0, 0, 0, 0))
                .body("total.myNumberCard", equalTo(116_358))
                .body("total.insuranceCard", equalTo(10_852_658))
                .body("total.bulk", equalTo(3_299_107))
                .body("total.total", equalTo(14_268_123))
                .body("total.liveFacilities", equalTo(15_657))
                .body("total.perFacilityPerDay", equalTo(32.5f));
    }

    @Test
    void liveFacilitiesAreCountedAtTheEndOfThePeriodUnlessACutOffIsGiven() {
        given().auth().oauth2(Tokens.portalAdmin()).get("/api/v1/stats/usage?from=2021-10-20&to=2021-11-21").then()
                .statusCode(200).body("liveAsOf", equalTo("2021-11-21"))
                .body("byType.liveFacilities", contains(1_406, 4_836, 4_160, 6_992));
    }

    @Test
    void anEventDeliveredTwiceIsCountedOnceOnTheDayOfTheCheckInJapan() {
        // a day of its own: the shared broker keeps earlier runs' events, which a fresh database counts again
        LocalDate day = dayOfThisRun();
        UUID id = UUID.randomUUID();
        // 23:30 UTC is the next day in Japan.
        String twice = envelope(id, CLINIC, "MY_NUMBER_CARD", day + "T23:30:00Z");
        produce(CLINIC, id, twice);
        produce(CLINIC, id, twice);
        UUID next = UUID.randomUUID();
        produce(PHARMACY, next, envelope(next, PHARMACY, "BULK", day.plusDays(1) + "T01:00:00Z"));

        JsonPath usage = KafkaTestKit.await("the event after the duplicate counted",
                () -> usage(day.plusDays(1).toString()), json -> json.getInt("byType[3].bulk") == 1);
        assertEquals(1, usage.getInt("byType[1].myNumberCard"));
        assertEquals(2, usage.getInt("total.total"));
        assertEquals(0, usage(day.toString()).getInt("total.total"));
    }

    @Test
    void aPoisonMessageIsParkedAndTheNextCheckIsStillCounted() {
        String key = DENTAL;
        RecordMetadata poison = KafkaTestKit.produce(Topics.ELIGIBILITY_CHECKS, key, "{\"data\": not json",
                Map.of());
        LocalDate day = dayOfThisRun();
        UUID unknownMethod = UUID.randomUUID();
        RecordMetadata refused = produce(key, unknownMethod, envelope(unknownMethod, DENTAL, "FAX",
                day + "T01:00:00Z"));
        UUID next = UUID.randomUUID();
        produce(key, next, envelope(next, DENTAL, "INSURANCE_CARD", day + "T01:00:00Z"));

        KafkaTestKit.await("the check after the poison counted", () -> usage(day.toString()),
                json -> json.getInt("byType[2].insuranceCard") == 1);
        assertEquals(1, parked(poison));
        assertEquals(1, parked(refused));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("shikaku_inbox_parked_total{consumer=\"" + CheckUsageHandler.CONSUMER + "\""));
    }

    private long parked(RecordMetadata record) {
        return KafkaTestKit.await("the event parked", () -> db.preparedQuery("SELECT count(*) FROM parked_event"
                + " WHERE consumer = $1 AND topic = $2 AND record_partition = $3 AND record_offset = $4")
                .executeAndAwait(Tuple.of(CheckUsageHandler.CONSUMER, record.topic(), record.partition(),
                        record.offset()))
                .iterator().next().getLong(0), n -> n > 0);
    }

    private static JsonPath usage(String day) {
        return given().auth().oauth2(Tokens.portalAdmin())
                .get("/api/v1/stats/usage?from=" + day + "&to=" + day).then().statusCode(200).extract().jsonPath();
    }

    private static RecordMetadata produce(String key, UUID id, String envelope) {
        return KafkaTestKit.produce(Topics.ELIGIBILITY_CHECKS, key, envelope,
                Map.of(EventHeaders.ID, id.toString(), EventHeaders.TYPE, "io.shikaku.eligibility.check.recorded"));
    }

    private static String envelope(UUID id, String facilityCode, String method, String checkedAt) {
        UUID checkId = UUID.randomUUID();
        return "{\"id\":\"" + id + "\",\"type\":\"io.shikaku.eligibility.check.recorded\","
                + "\"source\":\"eligibility-service\",\"time\":\"" + checkedAt + "\",\"subject\":\"" + checkId
                + "\",\"data\":{\"checkId\":\"" + checkId + "\",\"facilityCode\":\"" + facilityCode
                + "\",\"method\":\"" + method + "\",\"validity\":\"VALID\",\"visitDate\":\"2021-12-01\","
                + "\"checkedAt\":\"" + checkedAt + "\"}}";
    }

    /** A day no other run used, between 2001 and 2015, so that only this run's events count on it. */
    private static LocalDate dayOfThisRun() {
        return LocalDate.of(2001, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(5_000));
    }
}
