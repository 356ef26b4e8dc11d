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
                List.of(new Report.RecordedOnce("gateway", 130, 130)), 0, 0.1, List.of("a note"), null);
    }

    private static Report withAdditions(double bulkMs, double runSeconds) {
        Report r = report(800, 4000);
        StepResult card = new StepResult("card", 100, 500, 0, Map.of(), 100, 5, 20, 22, 23,
                new TreeMap<>(Map.of("gateway", 0.5)), 600);
        return new Report(r.startedAt(), r.machine(), true, r.persons(), r.clinics(), r.oneRowInsert(), r.checkSql(),
                r.throughGateway(), r.direct(), 800, 0, 0.2, 0.02, r.usageDelay(),
                Map.of("eligibility", new Report.Service(2.5, 300)), r.idleCpuMsPerSecond(), r.recordedOnce(), 0, 0.5,
                r.notes(),
                new Report.Additions(List.of(), 100_000, List.of(card), 100,
                        new EventsOnce.Result(630, 630, 630, 0, 0, 4, 0.3),
                        new Batches.Bulk(10_000, 40, bulkMs, bulkMs - 50, "COMPLETED", 10_000, 10_000, 0,
                                Map.of("VALID", 10_000L)),
                        new Batches.MemberBatch(50_000, 3000, 50_000, 500, 8_000, 7_900.0, "COMPLETED", 50_000, 0, 0),
                        new Batches.FacilityImport("demo-master.csv", 229_202, 9_000, 229_202, 0, 0), runSeconds));
    }

    @Test
    void eachTargetOfTheIssueIsARowSayingWhetherItWasMet() {
        List<Report.Target> targets = withAdditions(2_500, 170).targets();
        assertEquals(false, met(targets, "recorded card-number checks/s"));
        assertEquals(false, met(targets, "10,000-entry bulk inquiry"));
        assertEquals(true, met(targets, "50,000-line insurer member batch"));
        assertEquals(true, met(targets, "229,202-row facility import"));
        assertEquals(true, met(targets, "eligibility start"));
        assertEquals(false, met(targets, "eligibility idle RSS"));
        assertEquals(true, met(targets, "every recorded check's CheckRecorded published once"));
        assertEquals(true, met(targets, "--quick run"));
        assertEquals(false, met(withAdditions(1_500, 200).targets(), "--quick run"));
        assertEquals(true, met(withAdditions(1_500, 200).targets(), "10,000-entry bulk inquiry"));
    }

    @Test
    void theMarkdownHasASectionPerAddition() {
        String md = withAdditions(1_500, 170).markdown();
        for (String section : List.of("## Targets (issue 8)", "## My Number card checks with consent",
                "## Every check published once", "## Bulk inquiry of 10,000 entries",
                "## Insurer member batch of 50,000 lines", "## Facility master import")) {
            assertTrue(md.contains(section), section + "\n" + md);
        }
        assertTrue(md.contains("| card | 100 | 100.0 | 500 | 0 | 5.0 | 20.0 | 22.0 | 23.0 | 0.500 |"), md);
        assertTrue(md.strip().endsWith("checks/s at p99<=25ms: 800; check-SQL tps: 4000; ratio: 0.200"), md);
    }

    private static boolean met(List<Report.Target> targets, String figure) {
        return targets.stream().filter(t -> t.figure().startsWith(figure)).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + figure)).met();
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
