package io.shikaku.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One run's figures, written as Markdown for people and JSON for tools ({@code .local/bench/report-<time>.md|json},
 * copied to {@code latest.md|json}), and the one line the run ends with.
 */
record Report(String startedAt, String machine, boolean quick, long persons, int clinics,
        PgBench.Result oneRowInsert, PgBench.Result checkSql, List<StepResult> throughGateway,
        List<StepResult> direct, int gatewayChecksPerSecond, int directChecksPerSecond,
        double ratioToCheckSql, double ratioToInsert, UsageDelay.Result usageDelay, Map<String, Service> services,
        Map<String, Double> idleCpuMsPerSecond, List<RecordedOnce> recordedOnce,
        long outboxBacklogAtEnd, double outboxDrainedSeconds, List<String> notes) {

    /** Every check answered 200 (warm-ups included) is one check row (reference "bench"), counted per entry point. */
    record RecordedOnce(String target, long answeredOk, long rowsRecorded) {

        boolean holds() {
            return answeredOk == rowsRecorded;
        }
    }

    /** A service's start time (from its log) and resident memory before the load. */
    record Service(Double startSeconds, long idleRssMiB) {
    }

    String lastLine() {
        return String.format(Locale.ROOT, "checks/s at p99<=25ms: %d; check-SQL tps: %.0f; ratio: %.3f",
                gatewayChecksPerSecond, checkSql.tps(), ratioToCheckSql);
    }

    Path write(Path directory, String stamp) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve("report-" + stamp + ".json");
        Path md = directory.resolve("report-" + stamp + ".md");
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), this);
        Files.writeString(md, markdown());
        Files.copy(json, directory.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(md, directory.resolve("latest.md"), StandardCopyOption.REPLACE_EXISTING);
        return md;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Shikaku benchmark").append(quick ? " (quick)" : "").append("\n\n");
        md.append("Started ").append(startedAt).append(" on ").append(machine).append(". Data set: ")
                .append(String.format(Locale.ROOT, "%,d", persons)).append(" persons; ").append(clinics)
                .append(" clinic systems with their own tokens.\n\n");
        md.append("## Summary\n\n| figure | value |\n|---|---|\n");
        md.append(row("recorded card-number checks/s through the gateway, p99 ≤ 25 ms, no error",
                Integer.toString(gatewayChecksPerSecond)));
        md.append(row("the same straight to eligibility", Integer.toString(directChecksPerSecond)));
        md.append(row("(a) one-row INSERT tps (pgbench)", fmt(oneRowInsert.tps())));
        md.append(row("(b) check SQL tps (pgbench)", fmt(checkSql.tps())));
        md.append(row("checks/s ÷ (b)", String.format(Locale.ROOT, "%.3f", ratioToCheckSql)));
        md.append(row("checks/s ÷ (a)", String.format(Locale.ROOT, "%.4f", ratioToInsert)));
        md.append(row("check → counted in usage statistics at " + usageDelay.perSecond() + "/s through the gateway"
                + " (p50 / p99 / max ms, to within a " + fmt(usageDelay.pollMs()) + " ms poll)",
                fmt(usageDelay.p50Ms()) + " / " + fmt(usageDelay.p99Ms()) + " / " + fmt(usageDelay.maxMs())
                        + " (" + usageDelay.counted() + " of " + usageDelay.checks() + " counted)"));
        md.append(row("outbox backlog when the gateway steps ended", Long.toString(outboxBacklogAtEnd)));
        md.append(row("outbox drained after them (s)",
                outboxDrainedSeconds < 0 ? "not within the wait" : fmt(outboxDrainedSeconds)));
        for (RecordedOnce r : recordedOnce) {
            md.append(row("checks answered 200 / check rows recorded (" + r.target() + ", warm-ups included)",
                    r.answeredOk() + " / " + r.rowsRecorded() + (r.holds() ? "" : " — MISMATCH")));
        }
        md.append('\n');
        steps(md, "Through the gateway (:8080)", throughGateway);
        steps(md, "Straight to eligibility (:8081)", direct);
        md.append("## Services\n\n| service | start (s, from its log) | idle RSS (MiB) |\n|---|---|---|\n");
        services.forEach((name, s) -> md.append(row(name, s.startSeconds() == null ? "?" : fmt(s.startSeconds()),
                Long.toString(s.idleRssMiB()))));
        md.append("\nCPU at rest before the load (ms per second; included in the per-check figures above, where it"
                + " weighs most at low rates):\n\n| component | idle CPU ms/s |\n|---|---|\n");
        idleCpuMsPerSecond.forEach((name, ms) -> md.append(row(name, fmt(ms))));
        md.append("\n## pgbench\n\n| script | tps | failed | clients | seconds |\n|---|---|---|---|---|\n");
        for (PgBench.Result r : List.of(oneRowInsert, checkSql)) {
            md.append(row(r.name(), fmt(r.tps()), Long.toString(r.failed()), Integer.toString(r.clients()),
                    Integer.toString(r.seconds())));
        }
        md.append("\n## Notes\n\n");
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append('\n').append(lastLine()).append('\n');
        return md.toString();
    }

    private static void steps(StringBuilder md, String title, List<StepResult> steps) {
        md.append("## ").append(title).append("\n\n");
        if (steps.isEmpty()) {
            md.append("Not measured.\n\n");
            return;
        }
        List<String> components = List.copyOf(steps.get(0).cpuMsPerCheck().keySet());
        md.append("| offered/s | achieved/s | requests | errors | p50 ms | p99 ms | p99.9 ms | max ms |");
        components.forEach(c -> md.append(" CPU ms/check ").append(c).append(" |"));
        md.append("\n|").append("---|".repeat(8 + components.size())).append('\n');
        for (StepResult s : steps) {
            md.append("| ").append(s.offeredPerSecond()).append(" | ").append(fmt(s.achievedPerSecond()))
                    .append(" | ").append(s.requests()).append(" | ").append(s.errors())
                    .append(s.errorsByKind().isEmpty() ? "" : " " + s.errorsByKind()).append(" | ")
                    .append(fmt(s.p50Ms())).append(" | ").append(fmt(s.p99Ms())).append(" | ")
                    .append(fmt(s.p999Ms())).append(" | ").append(fmt(s.maxMs())).append(" |");
            components.forEach(c -> md.append(' ').append(String.format(Locale.ROOT, "%.3f",
                    s.cpuMsPerCheck().getOrDefault(c, 0.0))).append(" |"));
            md.append('\n');
        }
        md.append('\n');
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
