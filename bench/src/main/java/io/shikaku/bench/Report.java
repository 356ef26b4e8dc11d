package io.shikaku.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
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
        long outboxBacklogAtEnd, double outboxDrainedSeconds, List<String> notes, Additions additions) {

    /** The targets on this machine (issue 8, Build 3). */
    static final int TARGET_CHECKS_PER_SECOND = 3_000;
    static final double TARGET_RATIO_TO_CHECK_SQL = 0.3;
    static final double TARGET_USAGE_P99_MS = 1_000;
    static final double TARGET_DRAINED_SECONDS = 1;
    static final double TARGET_BULK_MS = 2_000;
    static final double TARGET_BATCH_MS = 10_000;
    static final double TARGET_IMPORT_MS = 20_000;
    static final double TARGET_START_SECONDS = 3;
    static final long TARGET_RSS_MIB = 256;
    static final double TARGET_QUICK_SECONDS = 180;

    /**
     * What the run measured besides the card-number ladders: the warm-up before them, card checks with consent, the
     * events of the run's checks on Kafka, the bulk inquiry, the member batch and the facility import (each null when
     * it was not measured), and the run's wall time.
     */
    record Additions(List<StepResult> warmUp, long cards, List<StepResult> cardChecks, int cardChecksPerSecond,
            EventsOnce.Result events, Batches.Bulk bulk, Batches.MemberBatch memberBatch,
            Batches.FacilityImport facilityImport, double runSeconds) {
    }

    /** One row of the summary against the targets. */
    record Target(String figure, String target, String value, boolean met) {
    }

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

    /** Each target of the issue with this run's figure, and whether it was met. */
    @JsonProperty("targets")
    List<Target> targets() {
        List<Target> t = new ArrayList<>();
        t.add(new Target("recorded card-number checks/s through the gateway, p99 ≤ 25 ms, no error",
                "≥ " + TARGET_CHECKS_PER_SECOND, Integer.toString(gatewayChecksPerSecond),
                gatewayChecksPerSecond >= TARGET_CHECKS_PER_SECOND));
        t.add(new Target("those checks/s ÷ (b) check SQL tps, same run", "≥ " + TARGET_RATIO_TO_CHECK_SQL,
                String.format(Locale.ROOT, "%.3f", ratioToCheckSql), ratioToCheckSql >= TARGET_RATIO_TO_CHECK_SQL));
        t.add(new Target("check → counted in usage statistics, p99 at " + usageDelay.perSecond() + "/s",
                "≤ 1,000 ms, all counted", fmt(usageDelay.p99Ms()) + " ms, " + usageDelay.counted() + " of "
                        + usageDelay.checks(),
                usageDelay.p99Ms() <= TARGET_USAGE_P99_MS && usageDelay.counted() == usageDelay.checks()));
        t.add(new Target("outbox drained after the gateway steps", "≤ 1 s",
                outboxDrainedSeconds < 0 ? "not within the wait" : fmt(outboxDrainedSeconds) + " s",
                outboxDrainedSeconds >= 0 && outboxDrainedSeconds <= TARGET_DRAINED_SECONDS));
        Additions a = additions;
        if (a != null && a.bulk() != null) {
            boolean done = "COMPLETED".equals(a.bulk().status());
            t.add(new Target("10,000-entry bulk inquiry, request → seen completed", "≤ 2 s",
                    done
                            ? fmt(a.bulk().completedMs() / 1000) + " s"
                            : "not completed after " + fmt(a.bulk().completedMs() / 1000) + " s (" + a.bulk()
                                    .processed() + " processed)",
                    "COMPLETED".equals(a.bulk().status()) && a.bulk().completedMs() <= TARGET_BULK_MS));
        }
        if (a != null && a.memberBatch() != null) {
            Batches.MemberBatch m = a.memberBatch();
            t.add(new Target("50,000-line insurer member batch, request → seen completed", "≤ 10 s",
                    "COMPLETED".equals(m.status())
                            ? fmt(m.completedMs() / 1000) + " s"
                            : "not completed after " + fmt(m.completedMs() / 1000) + " s ("
                                    + (m.accepted() + m.held() + m.rejected()) + " lines judged)",
                    "COMPLETED".equals(a.memberBatch().status())
                            && a.memberBatch().completedMs() <= TARGET_BATCH_MS));
        }
        if (a != null && a.facilityImport() != null) {
            t.add(new Target(String.format(Locale.ROOT, "%,d-row facility import", a.facilityImport().rows()),
                    "≤ 20 s", fmt(a.facilityImport().wallMs() / 1000) + " s",
                    a.facilityImport().wallMs() <= TARGET_IMPORT_MS));
        }
        services.forEach((name, s) -> {
            t.add(new Target(name + " start (from its log)", "≤ 3 s",
                    s.startSeconds() == null ? "?" : fmt(s.startSeconds()) + " s",
                    s.startSeconds() != null && s.startSeconds() <= TARGET_START_SECONDS));
            t.add(new Target(name + " idle RSS", "≤ 256 MiB", s.idleRssMiB() + " MiB",
                    s.idleRssMiB() <= TARGET_RSS_MIB));
        });
        boolean recorded = !recordedOnce.isEmpty() && recordedOnce.stream().allMatch(RecordedOnce::holds);
        t.add(new Target("every check answered 200 recorded once", "all", recorded ? "all" : "MISMATCH", recorded));
        if (a != null && a.events() != null) {
            t.add(new Target("every recorded check's CheckRecorded published once", "all",
                    a.events().holds() ? "all" : "MISMATCH", a.events().holds()));
        }
        if (quick && a != null) {
            t.add(new Target("--quick run, wall time", "< 3 min", fmt(a.runSeconds()) + " s",
                    a.runSeconds() < TARGET_QUICK_SECONDS));
        }
        return t;
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
        if (additions != null) {
            md.append(row("My Number card checks/s with consent through the gateway, p99 ≤ 25 ms, no error",
                    Integer.toString(additions.cardChecksPerSecond())));
        }
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
        md.append("## Targets (issue 8)\n\n| figure | target | this run | met |\n|---|---|---|---|\n");
        targets().forEach(t -> md.append(row(t.figure(), t.target(), t.value(), t.met() ? "yes" : "**no**")));
        md.append('\n');
        if (additions != null && !additions.warmUp().isEmpty()) {
            md.append("Warm-up before any measured step (reported apart, excluded from the steps):\n\n");
            steps(md, null, additions.warmUp());
        }
        steps(md, "Through the gateway (:8080)", throughGateway);
        steps(md, "Straight to eligibility (:8081)", direct);
        additions(md);
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

    private void additions(StringBuilder md) {
        Additions a = additions;
        if (a == null) {
            return;
        }
        md.append("## My Number card checks with consent, through the gateway\n\n")
                .append(String.format(Locale.ROOT, "%,d", a.cards()))
                .append(" persons of the data set hold a registered card; each check consents to medication and"
                        + " checkups (a consent row besides the check and its event). Highest rate with p99 ≤ 25 ms"
                        + " and no error: ")
                .append(a.cardChecksPerSecond()).append("/s.\n\n");
        steps(md, null, a.cardChecks());
        if (a.events() != null) {
            EventsOnce.Result e = a.events();
            md.append("## Every check published once (topic ").append(EventsOnce.TOPIC).append(")\n\n")
                    .append("| check rows of the run | their CheckRecorded events | distinct checks | duplicates |"
                            + " checks without an event | other events in the range | read in (s) |\n")
                    .append("|---|---|---|---|---|---|---|\n")
                    .append(row(Long.toString(e.checkRows()), Long.toString(e.events()),
                            Long.toString(e.distinctChecks()), Long.toString(e.duplicates()),
                            Long.toString(e.missing()), Long.toString(e.otherEvents()), fmt(e.readSeconds())))
                    .append('\n');
        }
        if (a.bulk() != null) {
            Batches.Bulk b = a.bulk();
            md.append("## Bulk inquiry of ").append(String.format(Locale.ROOT, "%,d", b.entries()))
                    .append(" entries (clinic, through the gateway)\n\n")
                    .append("| 202 after (ms) | seen completed after (ms) | service's accepted → completed (ms) |"
                            + " status | processed | normal | errors | outcomes |\n")
                    .append("|---|---|---|---|---|---|---|---|\n")
                    .append(row(fmt(b.acceptedMs()), fmt(b.completedMs()), ms(b.serviceMs()), b.status(),
                            Long.toString(b.processed()),
                            Long.toString(b.normal()), Long.toString(b.errors()), b.validities().toString()))
                    .append('\n');
        }
        if (a.memberBatch() != null) {
            Batches.MemberBatch m = a.memberBatch();
            md.append("## Insurer member batch of ").append(String.format(Locale.ROOT, "%,d", m.lines()))
                    .append(" lines (insurer ").append(Batches.INSURER).append(", fresh My Numbers)\n\n")
                    .append("| residents' registry import (ms) | residents upserted | batch 202 after (ms) |"
                            + " seen completed after (ms) | service's accepted → completed (ms) | status | accepted |"
                            + " held | rejected |\n")
                    .append("|---|---|---|---|---|---|---|---|---|\n")
                    .append(row(fmt(m.residentsImportMs()), Long.toString(m.residentsUpserted()),
                            fmt(m.acceptedMs()), fmt(m.completedMs()), ms(m.serviceMs()), m.status(),
                            Long.toString(m.accepted()),
                            Long.toString(m.held()), Long.toString(m.rejected())))
                    .append('\n');
        }
        if (a.facilityImport() != null) {
            Batches.FacilityImport f = a.facilityImport();
            md.append("## Facility master import (portal-admin, through the gateway)\n\n")
                    .append("| file | rows | wall (ms) | imported | rejected | rows changed (events) |\n")
                    .append("|---|---|---|---|---|---|\n")
                    .append(row(f.file(), Long.toString(f.rows()), fmt(f.wallMs()), Long.toString(f.imported()),
                            Long.toString(f.rejected()), Long.toString(f.changed())))
                    .append('\n');
        }
        md.append("Run wall time: ").append(fmt(a.runSeconds())).append(" s.\n\n");
    }

    private static void steps(StringBuilder md, String title, List<StepResult> steps) {
        if (title != null) {
            md.append("## ").append(title).append("\n\n");
        }
        if (steps.isEmpty()) {
            md.append("Not measured.\n\n");
            return;
        }
        List<String> components = List.copyOf(steps.get(0).cpuMsPerCheck().keySet());
        md.append("| target | offered/s | achieved/s | requests | errors | p50 ms | p99 ms | p99.9 ms | max ms |");
        components.forEach(c -> md.append(" CPU ms/check ").append(c).append(" |"));
        md.append("\n|").append("---|".repeat(9 + components.size())).append('\n');
        for (StepResult s : steps) {
            md.append("| ").append(s.target()).append(" | ").append(s.offeredPerSecond()).append(" | ")
                    .append(fmt(s.achievedPerSecond()))
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

    private static String ms(Double value) {
        return value == null ? "not completed" : fmt(value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
