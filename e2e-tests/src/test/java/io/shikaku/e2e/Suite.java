package io.shikaku.e2e;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as real processes: the four services and the gateway, started from the jars this build made,
 * on ports and databases of their own (so that a suite started by the run command is left alone), against the
 * PostgreSQL, Kafka and Keycloak that the README's test command brought up.
 */
final class Suite {

    /** One service of the suite: its module, its port, and the database it owns (if any). */
    record Service(String module, String portVariable, int port, String database) {
        String baseUrl() {
            return "http://localhost:" + port;
        }
    }

    /** The gateway's port in these tests; the services take the next four. */
    private static final int BASE_PORT = Integer
            .parseInt(System.getenv().getOrDefault("SHIKAKU_E2E_BASE_PORT", "18080"));
    /** Appended to each database name, so that two checkouts can run these tests side by side. */
    private static final String DB_SUFFIX = System.getenv().getOrDefault("SHIKAKU_E2E_DB_SUFFIX", "");

    static final Service GATEWAY = new Service("api-gateway", "SHIKAKU_GATEWAY_PORT", BASE_PORT, null);
    static final Service ELIGIBILITY = new Service("eligibility-service", "SHIKAKU_ELIGIBILITY_PORT", BASE_PORT + 1,
            "eligibility_e2e" + DB_SUFFIX);
    static final Service MEDICATION = new Service("medication-service", "SHIKAKU_MEDICATION_PORT", BASE_PORT + 2,
            "medication_e2e" + DB_SUFFIX);
    static final Service CHECKUP = new Service("checkup-service", "SHIKAKU_CHECKUP_PORT", BASE_PORT + 3,
            "checkup_e2e" + DB_SUFFIX);
    static final Service FACILITY = new Service("facility-registry-service", "SHIKAKU_FACILITY_PORT", BASE_PORT + 4,
            "facility_e2e" + DB_SUFFIX);
    static final List<Service> ALL = List.of(ELIGIBILITY, MEDICATION, CHECKUP, FACILITY, GATEWAY);

    private static final Duration STARTUP = Duration.ofSeconds(180);
    /** The gateway's rate-limit groups (its RouteGroup), as they appear in the budgets' environment variables. */
    static final List<String> RATE_LIMIT_GROUPS = List.of("CHECKS", "BULK", "CARDS", "BATCHES", "FEEDS", "VIEWS",
            "EMERGENCY", "MY_RECORDS", "AUDIT", "PORTAL");
    private final Path root = root();
    private final Path logs = root.resolve("e2e-tests/target/e2e-logs");
    /**
     * Put before every topic this suite's services use ({@code shikaku.kafka.topic-prefix}): topics of its own on the
     * shared broker, so that no earlier run's or other test's events (a facility of the demo data made a pharmacy by
     * some service's test, say) reach it.
     */
    private final String topicPrefix = "e2e-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "-";
    /** The topic prefixes of every suite started in this test run (the personal-data check reads their topics). */
    static final java.util.Set<String> TOPIC_PREFIXES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The services' clock offset ({@code shikaku.clock.offset-file}): time moved without waiting. */
    private final Path clockOffset = logs.resolve("clock-offset");
    private final Map<Service, Process> running = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    void startAll() throws IOException, InterruptedException {
        TOPIC_PREFIXES.add(topicPrefix);
        Files.createDirectories(logs);
        resetClock();
        for (Service service : ALL) {
            requireFreePort(service);
        }
        // Should the test JVM be ended early, take the suite down with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(running.values()).forEach(Process::destroy)));
        for (Service service : ALL) {
            running.put(service, launch(service, true));
        }
        for (Service service : ALL) {
            awaitReady(service);
        }
    }

    void stop(Service service) throws InterruptedException {
        Process process = running.remove(service);
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    void start(Service service) throws IOException, InterruptedException {
        requireFreePort(service);
        running.put(service, launch(service, false));
        awaitReady(service);
    }

    void stopAll() throws InterruptedException {
        for (Service service : List.copyOf(running.keySet())) {
            stop(service);
        }
    }

    /** The name on the broker of this suite's {@code topic}. */
    String topic(String topic) {
        return topicPrefix + topic;
    }

    /** Moves every service's clock {@code ahead} of the real time, at once (their next reading of it). */
    void moveClock(Duration ahead) throws IOException {
        Files.writeString(clockOffset, ahead.toString());
    }

    /** Back to the real time. */
    void resetClock() throws IOException {
        Files.deleteIfExists(clockOffset);
    }

    /** A leftover process on a port would answer in place of the one started here: refuse to go on. */
    private static void requireFreePort(Service service) {
        try (ServerSocket probe = new ServerSocket(service.port(), 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            throw new IllegalStateException("Port " + service.port() + " for " + service.module()
                    + " is taken; stop what listens there or set SHIKAKU_E2E_BASE_PORT");
        }
    }

    /** The checkout: the built jars and tools live below it. */
    static Path root() {
        return Path.of(System.getProperty("shikaku.root", "..")).toAbsolutePath().normalize();
    }

    /** Where the services' output of every run goes ({@code <module>.log}, appended). */
    static Path logDirectory() {
        return root().resolve("e2e-tests/target/e2e-logs");
    }

    static String gatewayUrl() {
        return GATEWAY.baseUrl();
    }

    /** Starts a service; {@code fresh} empties its database first, so every run begins from the demo data alone. */
    private Process launch(Service service, boolean fresh) throws IOException {
        Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Not built: " + jar + " (run the README's test command)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        if (service.database() != null) {
            command.add("-Dshikaku.clock.offset-file=" + clockOffset);
            command.add("-Dshikaku.kafka.topic-prefix=" + topicPrefix);
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service.module() + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put(service.portVariable(), Integer.toString(service.port()));
        if (service.database() != null) {
            env.put("SHIKAKU_DB_NAME", service.database());
            env.put("QUARKUS_FLYWAY_CLEAN_AT_START", Boolean.toString(fresh));
        }
        if (service == ELIGIBILITY || service == MEDICATION || service == CHECKUP) {
            // the demo persons, and the other services' projection of them (eligibility's demo publishes no events)
            env.put("SHIKAKU_DEMO_DATA", "true");
        }
        if (service == MEDICATION || service == CHECKUP) {
            // asked for a consent the events have not brought yet (common's access rule)
            env.put("SHIKAKU_ELIGIBILITY_URL", ELIGIBILITY.baseUrl());
        }
        if (service == GATEWAY) {
            env.put("SHIKAKU_ELIGIBILITY_URL", ELIGIBILITY.baseUrl());
            env.put("SHIKAKU_MEDICATION_URL", MEDICATION.baseUrl());
            env.put("SHIKAKU_CHECKUP_URL", CHECKUP.baseUrl());
            env.put("SHIKAKU_FACILITY_URL", FACILITY.baseUrl());
            // Rate limits on, with budgets far above any test's use (300 aborted checks with one clinic's token, the
            // authorization matrix's and bad-input corpus' thousand requests): these tests are about the services'
            // answers; the gateway's own tests (RateLimitTest) hold the production budgets to their 429s.
            for (String group : RATE_LIMIT_GROUPS) {
                env.put("SHIKAKU_GATEWAY_RATE_LIMIT_" + group + "_CAPACITY", "100000");
            }
        }
        builder.directory(new File(root.toString()));
        return builder.start();
    }

    private void awaitReady(Service service) throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            Process process = running.get(service);
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue()
                        + "; see " + logs.resolve(service.module() + ".log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service.module() + " not ready within " + STARTUP + "; see "
                + logs.resolve(service.module() + ".log"));
    }
}
