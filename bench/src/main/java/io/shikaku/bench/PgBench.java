package io.shikaku.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs /usr/bin/pgbench with a script of the benchmark's on the suite's PostgreSQL and reads its rate. */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("^tps = ([0-9.]+) \\(without initial connection time\\)",
            Pattern.MULTILINE);
    private static final Pattern FAILED = Pattern.compile("^number of failed transactions: ([0-9]+)",
            Pattern.MULTILINE);

    /** What pgbench reported for one script. */
    record Result(String name, double tps, long failed, int clients, int seconds) {
    }

    private final BenchSettings settings;

    PgBench(BenchSettings settings) {
        this.settings = settings;
    }

    Result run(String name, String script, String database) throws IOException, InterruptedException {
        Path file = Files.createTempFile("shikaku-bench-", ".sql");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(settings.pgbench(), "-n", "-M", "prepared",
                    "-c", Integer.toString(settings.pgbenchClients()), "-j",
                    Integer.toString(settings.pgbenchThreads()),
                    "-T", Integer.toString(settings.pgbenchSeconds()), "-f", file.toString(),
                    "-h", settings.dbHost(), "-p", Integer.toString(settings.dbPort()), "-U", settings.dbUser(),
                    database));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", settings.dbPassword());
            Process pgbench = builder.start();
            String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = pgbench.waitFor();
            double tps = tps(output);
            if (status != 0 || Double.isNaN(tps)) {
                throw new IllegalStateException("pgbench (" + name + ") failed with status " + status + ":\n"
                        + output);
            }
            return new Result(name, tps, failed(output), settings.pgbenchClients(), settings.pgbenchSeconds());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The rate pgbench printed, or NaN when it printed none. */
    static double tps(String output) {
        Matcher m = TPS.matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    static long failed(String output) {
        Matcher m = FAILED.matcher(output);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
