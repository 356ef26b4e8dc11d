package io.shikaku.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/shikaku bench [--quick]}: the check path's figures against the running suite beside the machine's own
 * limit in the same run (DESIGN.md, Tests; issue 8), written as a report; the last line printed is the headline.
 */
public final class Bench {

    private static final int IDLE_SECONDS = 3;
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path root = Path.of(System.getProperty("shikaku.root", ".")).toAbsolutePath().normalize();
        BenchSettings settings = BenchSettings.from(quick, root, System.getenv());
        Http http = new Http(Http.client());
        if (!SuiteProbe.isUp(http, settings)) {
            System.exit(2);
        }
        String startedAt = Instant.now().toString();
        long runStart = System.nanoTime();
        List<String> notes = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(settings.jdbcUrl("eligibility"), settings.dbUser(),
                settings.dbPassword())) {
            log("data set: %,d persons with qualifications in database eligibility", settings.persons());
            long loaded = PersonDataSet.ensure(db, settings.persons());
            log(loaded == 0 ? "  already there" : "  loaded %,d", loaded);

            List<String> facilities = BenchFacilities.codes(settings.clinics());
            long cards = Math.min(settings.cards(), settings.persons());
            log("card set: %,d persons of the data set with a registered My Number card", cards);
            long linked = CardDataSet.ensure(db, cards, facilities.get(0),
                    new BenchMyNumbers(settings.myNumberHashKey()));
            log(linked == 0 ? "  already there" : "  linked %,d", linked);
            BenchFacilities onboarding = new BenchFacilities(http, settings);
            log("facilities: %d steps taken through the gateway to bring %d live", onboarding.bringLive(facilities),
                    facilities.size());
            log("clinic systems: %d registered in Keycloak",
                    new ClinicSystems(http, settings).register(facilities));
            try (ClinicTokens tokens = new ClinicTokens(http, settings,
                    facilities.stream().map(ClinicSystems::clientId).toList())) {
                onboarding.awaitAccepted(tokens, settings.persons(), 300);
                log("  eligibility accepts checks of all %d", tokens.size());

                Components components = new Components(settings);
                components.pids().forEach((name, pids) -> {
                    if (pids.isEmpty()) {
                        notes.add("No process found for " + name + ": its CPU is not counted.");
                    }
                });
                Map<String, Report.Service> services = services(settings, components);
                Map<String, Long> restFrom = components.cpuMillis();
                Thread.sleep(IDLE_SECONDS * 1000L);
                Map<String, Double> idle = Components.spentPer(restFrom, components.cpuMillis(), IDLE_SECONDS);

                PgBench pgbench = new PgBench(settings);
                PgBench.Result insert = oneRowInsert(db, pgbench);
                PgBench.Result checkSql = checkSql(db, pgbench, settings, facilities.get(0));

                CheckLadder ladder = new CheckLadder(new OpenLoopDriver(Http.client()), tokens, components,
                        settings, settings.persons());
                CheckLadder.Body byCard = (random, visitDate) -> CardDataSet.checkBody(random.nextLong(cards),
                        visitDate);
                List<Report.RecordedOnce> recordedOnce = new ArrayList<>();
                EventsOnce events = new EventsOnce(settings);
                long rows = benchChecks(db, BenchCard.REFERENCE);
                long cardRows = benchChecks(db, CardDataSet.REFERENCE);
                // cold JITs, pools and caches would be charged to the first step: a warm-up of each path first
                int phase = settings.warmUpPhaseSeconds();
                log("warm-up (%d s at %d/s, reported apart):", phase, settings.warmUpRate());
                List<StepResult> warmUp = new ArrayList<>();
                // the card path is slower: warmed at the card ladder's first rate at most, not overloaded, and first,
                // so that the gateway's warm-up comes right before the gateway's steps
                warmUp.add(ladder.warmUp("card warm-up", settings.gatewayUrl(),
                        Math.min(settings.warmUpRate(), settings.cardRates().get(0)),
                        Math.max(1, phase - phase / 2 - phase / 4), byCard));
                warmUp.add(ladder.warmUp("eligibility warm-up", settings.eligibilityUrl(), settings.warmUpRate(),
                        Math.max(1, phase / 4), ladder.cardNumbers()));
                warmUp.add(ladder.warmUp("gateway warm-up", settings.gatewayUrl(), settings.warmUpRate(),
                        Math.max(1, phase / 2), ladder.cardNumbers()));
                awaitOutboxDrained(db, quick ? 10 : 30);
                log("checks through the gateway:");
                List<StepResult> gateway = ladder.climb("gateway", settings.gatewayUrl());
                long backlog = outboxBacklog(db);
                recordedOnce.add(recordedOnce("gateway", concat(warmUp.subList(1, 3), gateway), rows, db,
                        BenchCard.REFERENCE));
                double drained = awaitOutboxDrained(db, quick ? 10 : 30);
                // the last step may have overloaded the suite: let it settle
                Thread.sleep(settings.pauseSeconds() * 1000L);
                log("checks straight to eligibility:");
                rows = benchChecks(db, BenchCard.REFERENCE);
                List<StepResult> direct = ladder.climb("eligibility", settings.eligibilityUrl());
                // the eligibility warm-up ran before the gateway's steps: its rows are counted with them above
                recordedOnce.add(recordedOnce("eligibility", direct, rows, db, BenchCard.REFERENCE));
                awaitOutboxDrained(db, quick ? 10 : 30);
                Thread.sleep(settings.pauseSeconds() * 1000L);
                log("My Number card checks with consent through the gateway:");
                List<StepResult> byCards = ladder.climb("card", settings.gatewayUrl(), settings.cardRates(), byCard);
                recordedOnce.add(recordedOnce("card", concat(warmUp.subList(0, 1), byCards), cardRows, db,
                        CardDataSet.REFERENCE));
                int cardRate = RateSelection.highestMeeting(byCards, RateSelection.P99_LIMIT_MS);
                int viaGateway = RateSelection.highestMeeting(gateway, RateSelection.P99_LIMIT_MS);
                int straight = RateSelection.highestMeeting(direct, RateSelection.P99_LIMIT_MS);
                int usageRate = viaGateway > 0 ? viaGateway : settings.rates().get(0);
                log("check → usage statistics at %d/s through the gateway:", usageRate);
                UsageDelay.Result usage = new UsageDelay(http, new OpenLoopDriver(Http.client()), tokens, settings,
                        settings.persons()).measure(onboarding.portalAdminToken(), usageRate,
                                settings.usageSeconds(), 60);
                log("  %d of %d checks counted: p50 %.0f ms, p99 %.0f ms, max %.0f ms", usage.counted(),
                        usage.checks(), usage.p50Ms(), usage.p99Ms(), usage.maxMs());

                Batches batches = new Batches(http, settings);
                Batches.FacilityImport facilityImport = null;
                if (Files.isRegularFile(settings.facilityMaster())) {
                    log("facility master import (%s):", settings.facilityMaster().getFileName());
                    facilityImport = batches.facilityImport(onboarding.portalAdminToken(),
                            settings.facilityMaster());
                    log("  %,d rows in %.0f ms: imported %d, rejected %d, changed %d", facilityImport.rows(),
                            facilityImport.wallMs(), facilityImport.imported(), facilityImport.rejected(),
                            facilityImport.changed());
                } else {
                    notes.add("The facility import was not measured: no master at " + settings.facilityMaster()
                            + " (bin/shikaku bench writes the demo master there).");
                }
                log("insurer member batch of %,d lines (residents first):", Batches.BATCH_LINES);
                Batches.MemberBatch batch = batches.memberBatch(db);
                log("  residents imported in %.0f ms; batch 202 after %.0f ms, %s after %.0f ms: accepted %d,"
                        + " held %d, rejected %d", batch.residentsImportMs(), batch.acceptedMs(), batch.status(),
                        batch.completedMs(), batch.accepted(), batch.held(), batch.rejected());
                // last: a bulk inquiry not completed within the wait goes on in the service after the run
                log("bulk inquiry of %,d entries through the gateway:", Batches.BULK_ENTRIES);
                Batches.Bulk bulk = batches.bulk(tokens.token(0), settings.persons(), db);
                log("  202 after %.0f ms, %s after %.0f ms: %s", bulk.acceptedMs(), bulk.status(), bulk.completedMs(),
                        bulk.validities());

                // after the batches, so that a completed bulk inquiry's checks (the bulk worker's path) count too
                log("every check of the run published once? (reading %s)", EventsOnce.TOPIC);
                awaitOutboxDrained(db, quick ? 20 : 60);
                List<String> references = new ArrayList<>(List.of(BenchCard.REFERENCE, CardDataSet.REFERENCE));
                if ("COMPLETED".equals(bulk.status())) {
                    references.add(Batches.BULK_REFERENCE);
                } else {
                    notes.add("The bulk inquiry did not complete within the wait: its checks are left out of the"
                            + " count of events published once.");
                }
                EventsOnce.Result published = events.count(db, references);
                events.close();
                log("  %d check rows, %d events for them: %d distinct, %d duplicates, %d missing",
                        published.checkRows(), published.events(), published.distinctChecks(),
                        published.duplicates(), published.missing());

                for (List<StepResult> ladderSteps : List.of(gateway, direct, byCards)) {
                    StepResult top = ladderSteps.get(ladderSteps.size() - 1);
                    if (top.meets(RateSelection.P99_LIMIT_MS)
                            && (top.offeredPerSecond() == settings.rates().get(settings.rates().size() - 1)
                                    || top.offeredPerSecond() == settings.cardRates()
                                            .get(settings.cardRates().size() - 1))) {
                        notes.add("The last step (" + top.target() + ", " + top.offeredPerSecond()
                                + "/s) still met the bar: the limit is higher than this run's steps reach.");
                    }
                }
                notes.add("pgbench (b) writes its outbox rows already published, on topic " + CheckSql.TOPIC
                        + ", so the relay never sends them; they and its check rows (reference "
                        + CheckSql.REFERENCE + ") are deleted afterwards, and table " + CheckSql.INSERT_TABLE
                        + " of (a) is dropped.");
                notes.add("(b) is the lookup by card numbers, the check insert and the outbox insert; the service "
                        + "also reads the facility projection, the person's history and the insurer.");
                notes.add("Latency is measured from each request's intended start (open loop, constant arrival rate),"
                        + " so a request sent late still counts from when it should have left.");
                notes.add("PostgreSQL's CPU is that of all its processes, whoever they serve; the machine may be "
                        + "shared with other work.");
                notes.add("Each ladder step has its own short ramp (" + settings.warmUpSeconds() + " s) before its "
                        + settings.measuredSeconds() + " s window; the warm-up phase before the ladders ("
                        + phase + " s: a quarter card checks at " + Math.min(settings.warmUpRate(),
                                settings.cardRates().get(0))
                        + "/s, then a quarter straight and half through the gateway at " + settings.warmUpRate()
                        + "/s) is what readies the JITs.");
                notes.add("The facility import, the member batch and the bulk inquiry run in that order after the"
                        + " ladders, each awaited at most " + settings.batchWaitSeconds() + " s; one not completed by"
                        + " then is reported as such and goes on in the service (and would weigh on what follows).");
                notes.add("The facility import posts the demo national master, which the master already holds:"
                        + " it measures a refresh in which few or no rows change (the changed rows are counted by the"
                        + " lifecycle events they write); the 100 benchmark facilities are not in it and stay live.");
                notes.add("The member batch's insurer " + Batches.INSURER + " gains 50,000 members per run (fresh My"
                        + " Numbers 7nnnnnnnnnnC, the card set's are 8nnnnnnnnnnC); bulk checks carry reference "
                        + Batches.BULK_REFERENCE + ".");
                Report report = new Report(startedAt, machine(), quick, settings.persons(), tokens.size(), insert,
                        checkSql, gateway, direct, viaGateway, straight, viaGateway / checkSql.tps(),
                        viaGateway / insert.tps(), usage, services, idle, recordedOnce, backlog, drained, notes,
                        new Report.Additions(warmUp, cards, byCards, cardRate, published, bulk, batch,
                                facilityImport, (System.nanoTime() - runStart) / 1e9));
                String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                        .format(Instant.now());
                Path md = report.write(root.resolve(".local/bench"), stamp);
                log("report: %s (and latest.md, latest.json beside it)", root.relativize(md));
                System.out.println(report.lastLine());
            }
        }
        System.exit(0);
    }

    static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    private static PgBench.Result oneRowInsert(Connection db, PgBench pgbench) throws Exception {
        execute(db, "CREATE TABLE IF NOT EXISTS " + CheckSql.INSERT_TABLE
                + " (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())");
        try {
            PgBench.Result r = pgbench.run("(a) one-row INSERT", CheckSql.oneRowInsert(), "eligibility");
            log("pgbench (a) one-row INSERT: %.0f tps", r.tps());
            return r;
        } finally {
            execute(db, "DROP TABLE IF EXISTS " + CheckSql.INSERT_TABLE);
        }
    }

    private static PgBench.Result checkSql(Connection db, PgBench pgbench, BenchSettings settings, String facility)
            throws Exception {
        try {
            PgBench.Result r = pgbench.run("(b) check SQL", CheckSql.recordedCheck(settings.persons(), facility),
                    "eligibility");
            log("pgbench (b) check SQL: %.0f tps", r.tps());
            return r;
        } finally {
            execute(db, "DELETE FROM eligibility_check WHERE reference = '" + CheckSql.REFERENCE + "'");
            execute(db, "DELETE FROM outbox WHERE topic = '" + CheckSql.TOPIC + "'");
        }
    }

    private static List<StepResult> concat(List<StepResult> first, List<StepResult> then) {
        List<StepResult> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    private static Report.RecordedOnce recordedOnce(String target, List<StepResult> steps, long rowsBefore,
            Connection db, String reference) throws SQLException {
        Report.RecordedOnce r = new Report.RecordedOnce(target,
                steps.stream().mapToLong(StepResult::answeredOkWithWarmUp).sum(),
                benchChecks(db, reference) - rowsBefore);
        log("  %d checks answered 200, %d check rows recorded%s", r.answeredOk(), r.rowsRecorded(),
                r.holds() ? "" : ": MISMATCH");
        return r;
    }

    /** Check rows the driver's requests have recorded so far (their reference). */
    private static long benchChecks(Connection db, String reference) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM eligibility_check WHERE reference = '"
                        + reference + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long outboxBacklog(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Seconds until eligibility's outbox has no pending row, or -1 when it still has after {@code seconds}. */
    private static double awaitOutboxDrained(Connection db, int seconds) throws Exception {
        long start = System.nanoTime();
        while (outboxBacklog(db) > 0) {
            if (System.nanoTime() - start > seconds * 1_000_000_000L) {
                return -1;
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Map<String, Report.Service> services(BenchSettings settings, Components components) {
        Map<String, Report.Service> services = new LinkedHashMap<>();
        Map<String, String> logs = Map.of("gateway", "api-gateway", "eligibility", "eligibility-service",
                "facility-registry", "facility-registry-service");
        for (String name : List.of("gateway", "eligibility", "facility-registry")) {
            long rss = components.pids().get(name).stream().mapToLong(Processes::rssMiB).sum();
            services.put(name, new Report.Service(startSeconds(settings.root().resolve(".local/logs/"
                    + logs.get(name) + ".log")), rss));
        }
        return services;
    }

    /** The last "started in N s" of a service's log (Quarkus' start line), or null. */
    private static Double startSeconds(Path log) {
        try {
            Double last = null;
            for (String line : Files.readAllLines(log)) {
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    last = Double.valueOf(m.group(1));
                }
            }
            return last;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%d cores (%s), %s %s, Java %s",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"));
    }
}
