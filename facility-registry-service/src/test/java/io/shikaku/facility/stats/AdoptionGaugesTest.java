package io.shikaku.facility.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.facility.support.Facilities;

@QuarkusTest
class AdoptionGaugesTest {

    private static final Pattern GAUGE = Pattern
            .compile("(?m)^shikaku_facilities\\{facility_type=\"(\\w+)\",stage=\"(\\w+)\",?} (\\S+)$");
    private static final String LIVE = "2021-04-01,2021-05-10,1,2021-06-01,2021-07-01";
    private static final String READY = "2021-04-01,2021-05-10,1,2021-06-01,";
    private static final String READER_APPLIED = "2021-04-01,2021-05-10,1,,";

    @Test
    void importedFacilitiesAppearInTheGaugesByTypeAndStageWithinTheRefreshPeriod() throws Exception {
        Map<String, Double> before = awaitGauges(g -> !g.containsValue(Double.NaN), "the first read");
        Facilities.create("HOSPITAL", LIVE);
        Facilities.create("HOSPITAL", READER_APPLIED);
        Facilities.create("PHARMACY", READY);
        Facilities.registered("DENTAL_CLINIC");

        Map<String, Double> expected = new TreeMap<>(before);
        expected.merge("HOSPITAL/REGISTERED", 2.0, Double::sum);
        expected.merge("HOSPITAL/READER_APPLIED", 2.0, Double::sum);
        expected.merge("HOSPITAL/READY", 1.0, Double::sum);
        expected.merge("HOSPITAL/LIVE", 1.0, Double::sum);
        expected.merge("PHARMACY/REGISTERED", 1.0, Double::sum);
        expected.merge("PHARMACY/READER_APPLIED", 1.0, Double::sum);
        expected.merge("PHARMACY/READY", 1.0, Double::sum);
        expected.merge("DENTAL_CLINIC/REGISTERED", 1.0, Double::sum);
        // at least these: other tests of this module may add facilities of their own meanwhile (never remove any)
        Map<String, Double> after = awaitGauges(g -> atLeast(g, expected), "the imported facilities");
        assertEquals(true, atLeast(after, expected), "expected at least " + expected + ", was " + after);
    }

    @Test
    void everyTypeHasEveryStageAndNothingElse() throws Exception {
        Map<String, Double> gauges = gauges();
        assertEquals(16, gauges.size(), gauges.toString());
        for (String type : FacilityTypes.ALL) {
            for (String stage : new String[] {"REGISTERED", "READER_APPLIED", "READY", "LIVE"}) {
                assertEquals(true, gauges.containsKey(type + "/" + stage), type + "/" + stage + " in " + gauges);
            }
        }
    }

    private static boolean atLeast(Map<String, Double> gauges, Map<String, Double> expected) {
        return gauges.keySet().equals(expected.keySet())
                && expected.entrySet().stream().allMatch(e -> gauges.get(e.getKey()) >= e.getValue());
    }

    /** Reads the gauges until {@code wanted} holds (a bound against a hang, not a measure of speed). */
    private static Map<String, Double> awaitGauges(java.util.function.Predicate<Map<String, Double>> wanted,
            String what) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        Map<String, Double> gauges = gauges();
        while (!wanted.test(gauges) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            gauges = gauges();
        }
        return gauges;
    }

    /** {@code TYPE/STAGE} → value, from {@code /q/metrics}. */
    private static Map<String, Double> gauges() {
        Matcher m = GAUGE.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        Map<String, Double> gauges = new TreeMap<>();
        while (m.find()) {
            gauges.put(m.group(1) + "/" + m.group(2), Double.parseDouble(m.group(3)));
        }
        return gauges;
    }
}
