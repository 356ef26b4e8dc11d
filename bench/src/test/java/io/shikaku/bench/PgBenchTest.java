package io.shikaku.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** pgbench's summary is read right, and the check script gives pgbench no variable it did not mean. */
class PgBenchTest {

    private static final String OUTPUT = """
            pgbench (15.18 (Debian 15.18-0+deb12u1))
            transaction type: /tmp/x.sql
            scaling factor: 1
            query mode: prepared
            number of clients: 8
            number of threads: 2
            maximum number of tries: 1
            duration: 5 s
            number of transactions actually processed: 190532
            number of failed transactions: 0 (0.000%)
            latency average = 0.209 ms
            initial connection time = 12.345 ms
            tps = 38106.432100 (without initial connection time)
            """;

    @Test
    void theRateIsReadFromPgbenchsSummary() {
        assertEquals(38106.4321, PgBench.tps(OUTPUT), 1e-6);
        assertEquals(0, PgBench.failed(OUTPUT));
    }

    @Test
    void noSummaryGivesNoRate() {
        assertTrue(Double.isNaN(PgBench.tps("pgbench: error: connection failed")));
    }

    @Test
    void theCheckScriptUsesOnlyItsOwnVariablesAndRunsInOneTransaction() {
        String script = CheckSql.recordedCheck(1_000_000, "1319900000");
        Matcher variables = Pattern.compile(":([A-Za-z0-9_]+)").matcher(script.replace("::", "  "));
        while (variables.find()) {
            assertTrue(variables.group(1).matches("i|pid|qid"), "pgbench would read :" + variables.group(1));
        }
        assertTrue(script.contains("random(0, 999999)"));
        assertTrue(script.startsWith("\\set i"));
        assertTrue(script.contains("BEGIN;") && script.strip().endsWith("END;"));
        assertTrue(script.contains("now(), now())"), "the outbox row is written already published");
        assertFalse(script.contains("'eligibility-checks'"));
    }
}
