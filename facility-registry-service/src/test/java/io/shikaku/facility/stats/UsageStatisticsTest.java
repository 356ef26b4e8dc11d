package io.shikaku.facility.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shikaku.common.access.RecordViewed;
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
                .body("byType.checkupViews", contains(0, 0, 0, 0))
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

    @Test
    void theUsageFiguresEqualTheChecksAndViewsSentEvenWhenTheWholeStreamIsDeliveredAgain() {
        LocalDate day = dayOfThisRun();
        String[] facilities = {HOSPITAL, CLINIC, DENTAL, PHARMACY};
        String[] methods = {"MY_NUMBER_CARD", "INSURANCE_CARD", "BULK"};
        String[] kinds = {"MEDICATION", "CHECKUP"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(day.toEpochDay());
        long[][] checks = new long[4][3];
        long[][] views = new long[4][2];
        List<String[]> checkEvents = new ArrayList<>();
        List<String[]> viewEvents = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int f = random.nextInt(4);
            int m = random.nextInt(3);
            checks[f][m]++;
            UUID id = UUID.randomUUID();
            String at = day + "T0" + random.nextInt(10) + ":00:00Z"; // 09:00 to 18:00 in Japan
            checkEvents.add(new String[] {facilities[f], id.toString(),
                    envelope(id, facilities[f], methods[m], at)});
        }
        for (int i = 0; i < 300; i++) {
            int f = random.nextInt(4);
            int k = random.nextInt(2);
            views[f][k]++;
            UUID id = UUID.randomUUID();
            viewEvents.add(new String[] {UUID.randomUUID().toString(), id.toString(),
                    viewEnvelope(id, facilities[f], kinds[k], day + "T10:00:00Z")});
        }
        sendAll(Topics.ELIGIBILITY_CHECKS, checkEvents);
        sendAll(Topics.RECORD_VIEWS, viewEvents);
        KafkaTestKit.await("every check and view counted", () -> usage(day.toString()),
                json -> json.getLong("total.total") == 600 && json.getLong("total.medicationViews")
                        + json.getLong("total.checkupViews") == 300);

        // the same events again, as after a consumer that stopped before committing its offsets
        sendAll(Topics.ELIGIBILITY_CHECKS, checkEvents);
        sendAll(Topics.RECORD_VIEWS, viewEvents);
        UUID check = UUID.randomUUID();
        produce(CLINIC, check, envelope(check, CLINIC, "BULK", day + "T14:00:00Z"));
        UUID view = UUID.randomUUID();
        produceView(view, viewEnvelope(view, CLINIC, "CHECKUP", day + "T14:00:00Z"));
        JsonPath usage = KafkaTestKit.await("the events after the second delivery counted",
                () -> usage(day.toString()), json -> json.getLong("total.total") == 601
                        && json.getLong("total.checkupViews") + json.getLong("total.medicationViews") == 301);

        // byType is ordered HOSPITAL, MEDICAL_CLINIC, DENTAL_CLINIC, PHARMACY, as facilities[] is
        checks[1][2]++;
        views[1][1]++;
        for (int f = 0; f < 4; f++) {
            assertEquals(checks[f][0], usage.getLong("byType[" + f + "].myNumberCard"));
            assertEquals(checks[f][1], usage.getLong("byType[" + f + "].insuranceCard"));
            assertEquals(checks[f][2], usage.getLong("byType[" + f + "].bulk"));
            assertEquals(views[f][0], usage.getLong("byType[" + f + "].medicationViews"));
            assertEquals(views[f][1], usage.getLong("byType[" + f + "].checkupViews"));
        }
    }

    @Test
    void aViewDeliveredTwiceCountsOnceOnTheDayItWasMadeInJapan() {
        LocalDate day = dayOfThisRun();
        UUID id = UUID.randomUUID();
        // 15:30 UTC is already the next day in Japan
        String twice = viewEnvelope(id, PHARMACY, "MEDICATION", day + "T15:30:00Z");
        produceView(id, twice);
        produceView(id, twice);
        UUID next = UUID.randomUUID();
        produceView(next, viewEnvelope(next, PHARMACY, "CHECKUP", day + "T16:00:00Z"));

        JsonPath usage = KafkaTestKit.await("the view after the duplicate counted",
                () -> usage(day.plusDays(1).toString()), json -> json.getInt("byType[3].checkupViews") == 1);
        assertEquals(1, usage.getInt("byType[3].medicationViews"));
        assertEquals(1, usage.getInt("total.medicationViews"));
        assertEquals(0, usage.getInt("total.total"));
        assertEquals(0, usage(day.toString()).getInt("total.medicationViews"));
    }

    @Test
    void aViewThatCannotBeCountedIsParkedAndTheNextViewIsStillCounted() {
        LocalDate day = dayOfThisRun();
        UUID noKind = UUID.randomUUID();
        RecordMetadata refused = produceView(noKind, viewEnvelope(noKind, HOSPITAL, "X_RAY", day + "T00:00:00Z"));
        UUID next = UUID.randomUUID();
        produceView(next, viewEnvelope(next, HOSPITAL, "MEDICATION", day + "T00:00:00Z"));

        KafkaTestKit.await("the view after the refused one counted", () -> usage(day.toString()),
                json -> json.getInt("byType[0].medicationViews") == 1);
        assertEquals(1, parked(refused, RecordViewHandler.CONSUMER));
    }

    @Test
    void anEmergencyLookupIsNoViewAndIsSkippedWithoutBeingParked() {
        LocalDate day = dayOfThisRun();
        UUID lookup = UUID.randomUUID();
        RecordMetadata skipped = produceView(lookup, viewEnvelope(lookup, DENTAL, "LOOKUP", day + "T02:00:00Z"));
        UUID next = UUID.randomUUID();
        produceView(next, viewEnvelope(next, DENTAL, "CHECKUP", day + "T02:00:00Z"));

        KafkaTestKit.await("the lookup handled (claimed in the inbox, so never read again)",
                () -> count("SELECT count(*) FROM inbox WHERE consumer = $1 AND event_id = $2",
                        Tuple.of(RecordViewHandler.CONSUMER, lookup)),
                n -> n == 1);
        JsonPath usage = KafkaTestKit.await("the view after the lookup counted", () -> usage(day.toString()),
                json -> json.getInt("byType[2].checkupViews") == 1);
        assertEquals(0, usage.getInt("byType[2].medicationViews"));
        assertEquals(1, usage.getInt("total.checkupViews") + usage.getInt("total.medicationViews"));
        assertEquals(0, count("SELECT count(*) FROM parked_event WHERE consumer = $1 AND topic = $2"
                + " AND record_partition = $3 AND record_offset = $4",
                Tuple.of(RecordViewHandler.CONSUMER,
                        skipped.topic(), skipped.partition(), skipped.offset())));
    }

    private long count(String sql, Tuple values) {
        return db.preparedQuery(sql).executeAndAwait(values).iterator().next().getLong(0);
    }

    private long parked(RecordMetadata record) {
        return parked(record, CheckUsageHandler.CONSUMER);
    }

    private long parked(RecordMetadata record, String consumer) {
        return KafkaTestKit.await("the event parked", () -> db.preparedQuery("SELECT count(*) FROM parked_event"
                + " WHERE consumer = $1 AND topic = $2 AND record_partition = $3 AND record_offset = $4")
                .executeAndAwait(Tuple.of(consumer, record.topic(), record.partition(),
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

    private static RecordMetadata produceView(UUID id, String envelope) {
        return KafkaTestKit.produce(Topics.RECORD_VIEWS, UUID.randomUUID().toString(), envelope,
                Map.of(EventHeaders.ID, id.toString(), EventHeaders.TYPE, RecordViewed.TYPE));
    }

    /** Sends {key, id, envelope} records with one producer, in order. */
    private static void sendAll(String topic, List<String[]> records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestKit.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (String[] r : records) {
                producer.send(new ProducerRecord<>(topic, r[0], r[2]));
            }
            producer.flush();
        }
    }

    /** A record-views event as medication and checkup services publish it (README: Statistics). */
    private static String viewEnvelope(UUID id, String facilityCode, String kind, String viewedAt) {
        UUID person = UUID.randomUUID();
        return "{\"id\":\"" + id + "\",\"type\":\"" + RecordViewed.TYPE + "\",\"source\":\"medication-service\","
                + "\"time\":\"" + viewedAt + "\",\"subject\":\"" + person
                + "\",\"data\":{\"personId\":\"" + person + "\",\"facilityCode\":\"" + facilityCode
                + "\",\"viewerSubject\":\"clinic-" + facilityCode + "\",\"profession\":null,\"kind\":\"" + kind
                + "\",\"basis\":\"CONSENT\",\"viewedAt\":\"" + viewedAt + "\"}}";
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
