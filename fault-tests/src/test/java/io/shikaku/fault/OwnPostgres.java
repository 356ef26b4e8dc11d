package io.shikaku.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of this module's own (the machine's server binaries, as {@code bin/infra} finds them), on a
 * port of its own, so that killing it leaves the shared server of every other build alone. Run as the OS user
 * {@code postgres} when the tests run as root, as {@code bin/infra} does; its data lives where that user can reach it.
 */
final class OwnPostgres {

    static final String USER = "shikaku";
    static final String PASSWORD = "shikaku";
    static final List<String> DATABASES = List.of("eligibility", "medication", "checkup", "facility");

    private final int port;
    private final Path bin;
    private final Path home;
    private final Path data;
    private final Path socket;
    private final Path log;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    OwnPostgres(int port, Path target) {
        this.port = port;
        this.bin = serverBinaries();
        // the postgres OS user cannot always reach the checkout (a parent folder closed to others): a folder of its own
        this.home = root
                ? Path.of("/var/tmp/shikaku-fault-pg-" + Integer.toHexString(target.toString().hashCode()))
                : target.resolve("fault-postgres");
        this.data = home.resolve("data");
        this.socket = home.resolve("run");
        this.log = home.resolve("postgres.log");
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** A fresh cluster: initdb, start, the role and the four databases. */
    void createAndStart() throws IOException, InterruptedException {
        deleteRecursively(home);
        Files.createDirectories(socket);
        Files.createDirectories(data);
        Files.writeString(log, "");
        if (root) {
            run(List.of("chown", "-R", "postgres:", home.toString()));
        }
        run(asOwner(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-E", "UTF8",
                "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256")));
        start();
        String sql = "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "';"
                + DATABASES.stream().map(d -> "CREATE DATABASE " + d + " OWNER " + USER + ";")
                        .reduce("", String::concat);
        for (String statement : sql.split(";")) {
            run(asOwner(List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h",
                    socket.toString(), "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-c",
                    statement)));
        }
    }

    /**
     * Starts the server (pg_ctl, waiting until it accepts connections). Right after a {@code kill -9} the killed
     * postmaster's backends may still hold its shared memory for a moment: the start is tried again until they are
     * gone.
     */
    void start() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> command = asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    log.toString(), "-w", "-t", "30", "start", "-o",
                    "-p " + port + " -k " + socket + " -c listen_addresses=localhost -c max_connections=200"
                            + " -c fsync=off"));
            Process pgctl = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(pgctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (pgctl.waitFor() == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not start: " + out + "; see " + log);
            }
            Thread.sleep(200); // the killed server's backends are still exiting: nothing to await but their end
        }
    }

    /** The postmaster's process id (from its pid file), or -1. */
    long pid() throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return -1;
        }
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    /** {@code kill -9} of the postmaster. */
    void kill() throws IOException, InterruptedException {
        long pid = pid();
        if (pid > 0) {
            run(List.of("kill", "-9", Long.toString(pid)));
        }
    }

    /** Stops the server if it runs (fast shutdown; then kill -9). */
    void stop() {
        try {
            long pid = pid();
            if (pid > 0 && ProcessHandle.of(pid).isPresent()) {
                new ProcessBuilder(asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m",
                        "immediate", "-w", "-t", "20", "stop"))).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("[fault] stopping PostgreSQL: " + e);
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database
                + "?connectTimeout=5&socketTimeout=30", USER, PASSWORD);
    }

    private List<String> asOwner(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(command);
        return all;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(Path.of("/").toFile()).redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static Path serverBinaries() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/lib/postgresql/15/bin")));
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.reverseOrder()).map(v -> v.resolve("bin")).forEach(candidates::add);
        } catch (IOException none) {
            // only the default below
        }
        return candidates.stream().filter(d -> Files.isExecutable(d.resolve("initdb"))).findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("No PostgreSQL server binaries under /usr/lib/postgresql"));
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
