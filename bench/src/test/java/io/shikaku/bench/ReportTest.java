package io.shikaku.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The report ends with the headline line in its fixed shape, which tools and the README rely on. */
class ReportTest {

    private static Report report(int gatewayRate, double checkSqlTps) {
        StepResult step = new StepResult("gateway", gatewayRate, 100, 0, Map.of(), gatewayRate, 2, 20, 24, 30,
                new TreeMap<>(Map.of("gateway", 0.5, "eligibility", 1.0)), 130);
        return new Report("2026-11-22T20:00:00Z", "2 cores", true, 1_000_000, 100,
                new PgBench.Result("(a) one-row INSERT", 40_000, 0, 8, 5),
                new PgBench.Result("(b) check SQL", checkSqlTps, 0, 8, 5), List.of(step), List.of(), gatewayRate, 0,
                gatewayRate / checkSqlTps, gatewayRate / 40_000.0,
                new UsageDelay.Result(gatewayRate, 10, 10, 100, 200, 250, 100), Map.of(), Map.of("gateway", 1.0),
                List.of(new Report.RecordedOnce("gateway", 130, 130)), 0, 0.1, List.of("a note"));
    }

    @Test
    void theLastLineIsTheHeadlineInItsFixedShape() {
        assertEquals("checks/s at p99<=25ms: 800; check-SQL tps: 4000; ratio: 0.200", report(800, 4000).lastLine());
    }

    @Test
    void theMarkdownEndsWithTheHeadlineAndShowsEachStep() {
        String md = report(800, 4000).markdown();
        assertTrue(md.strip().endsWith("checks/s at p99<=25ms: 800; check-SQL tps: 4000; ratio: 0.200"), md);
        assertTrue(md.contains("| 800 | 800.0 | 100 | 0 | 2.0 | 20.0 | 24.0 | 30.0 | 1.000 | 0.500 |"), md);
        assertTrue(md.contains("130 / 130"), md);
    }
}
