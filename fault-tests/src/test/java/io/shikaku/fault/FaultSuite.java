package io.shikaku.fault;

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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as real processes, started from the jars this build made, against this module's own PostgreSQL and
 * Kafka ({@link OwnPostgres}, {@link OwnKafka}) and the shared Keycloak, on ports of its own
 * ({@code SHIKAKU_FAULT_BASE_PORT}, 48080: the gateway, then the four services). Every process it starts it can
 * kill ({@code kill -9}) and start again, and stops at the end, also when the test JVM ends early.
 */
final class FaultSuite {

    /** One service of the suite: its module, its port variable and port, and its database (if any). */
    record Service(String module, String portVariable, int port, String database) {
        String baseUrl() {
            return "http://localhost:" + port;
        }
    }

    static final int BASE_PORT = Integer.parseInt(System.getenv().getOrDefault("SHIKAKU_FAULT_BASE_PORT", "48080"));
    static final Service GATEWAY = new Service("api-gateway", "SHIKAKU_GATEWAY_PORT", BASE_PORT, null);
    static final Service ELIGIBILITY = new Service("eligibility-service", "SHIKAKU_ELIGIBILITY_PORT", BASE_PORT + 1,
            "eligibility");
    static final Service MEDICATION = new Service("medication-service", "SHIKAKU_MEDICATION_PORT", BASE_PORT + 2,
            "medication");
    static final Service CHECKUP = new Service("checkup-service", "SHIKAKU_CHECKUP_PORT", BASE_PORT + 3, "checkup");
    static final Service FACILITY = new Service("facility-registry-service", "SHIKAKU_FACILITY_PORT", BASE_PORT + 4,
            "facility");
    static final List<Service> ALL = List.of(ELIGIBILITY, MEDICATION, CHECKUP, FACILITY, GATEWAY);

    private static final Duration FIRST_START = Duration.ofSeconds(240);

    final Path root = Path.of(System.getProperty("shikaku.root", "..")).toAbsolutePath().normalize();
    final Path target = Path.of(System.getProperty("shikaku.fault.target", "target")).toAbsolutePath().normalize();
    final Path logs = target.resolve("fault-logs");
    final OwnPostgres postgres = new OwnPostgres(BASE_PORT - 22_648, target); // 25432 by default
    final OwnKafka kafka = new OwnKafka(BASE_PORT - 18_988, BASE_PORT - 18_987, root, target); // 29092, 29093
    private final Map<Service, Process> running = Collections.synchronizedMap(new LinkedHashMap<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    void startAll() throws IOException, InterruptedException {
        Files.createDirectories(logs);
        requireFree(postgres.port());
        requireFree(BASE_PORT - 18_988);
        requireFree(BASE_PORT - 18_987);
        for (Service service : ALL) {
            requireFree(service.port());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll));
        kafka.createAndStart();
        postgres.createAndStart();
        kafka.awaitListening(Duration.ofSeconds(120));
        for (Service service : ALL) {
            start(service);
        }
        for (Service service : ALL) {
            awaitReady(service, FIRST_START);
        }
    }

    /** Starts a service's jar (not awaited). */
    void start(Service service) throws IOException {
        Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Not built: " + jar + " (run the README's test command)");
        }
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", jar.toString()));
        Path log = logs.resolve(service.module() + ".log");
        Files.writeString(log, "\n===== " + Instant.now() + " started by the fault tests =====\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put(service.portVariable(), Integer.toString(service.port()));
        env.put("SHIKAKU_DB_PORT", Integer.toString(postgres.port()));
        env.put("SHIKAKU_DB_USER", OwnPostgres.USER);
        env.put("SHIKAKU_DB_PASSWORD", OwnPostgres.PASSWORD);
        env.put("SHIKAKU_KAFKA_BOOTSTRAP", kafka.bootstrap());
        if (service.database() != null) {
            env.put("SHIKAKU_DB_NAME", service.database());
        }
        if (service == ELIGIBILITY || service == MEDICATION || service == CHECKUP) {
            env.put("SHIKAKU_DEMO_DATA", "true");
        }
        if (service == MEDICATION || service == CHECKUP) {
            env.put("SHIKAKU_ELIGIBILITY_URL", ELIGIBILITY.baseUrl());
        }
        if (service == GATEWAY) {
            env.put("SHIKAKU_ELIGIBILITY_URL", ELIGIBILITY.baseUrl());
            env.put("SHIKAKU_MEDICATION_URL", MEDICATION.baseUrl());
            env.put("SHIKAKU_CHECKUP_URL", CHECKUP.baseUrl());
            env.put("SHIKAKU_FACILITY_URL", FACILITY.baseUrl());
            // the gateway's rate limits stay on, with budgets far above the load's (its own tests hold the real ones)
            for (String group : List.of("CHECKS", "BULK", "CARDS", "BATCHES", "FEEDS", "VIEWS", "EMERGENCY",
                    "MY_RECORDS", "AUDIT", "PORTAL")) {
                env.put("SHIKAKU_GATEWAY_RATE_LIMIT_" + group + "_CAPACITY", "100000");
            }
        }
        builder.directory(new File(root.toString()));
        running.put(service, builder.start());
    }

    /** {@code kill -9} of a service, and its end awaited. */
    void kill(Service service) throws InterruptedException {
        Process process = running.remove(service);
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Whether every service answers its readiness probe with 200 now. */
    boolean allReady() {
        for (Service service : ALL) {
            if (!ready(service)) {
                return false;
            }
        }
        return true;
    }

    boolean ready(Service service) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void awaitReady(Service service, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Process process = running.get(service);
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue() + "; see "
                        + logs.resolve(service.module() + ".log"));
            }
            if (ready(service)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(service.module() + " not ready within " + patience + "; see "
                + logs.resolve(service.module() + ".log"));
    }

    /** Everything this suite started, gone: the services, Kafka, PostgreSQL. */
    synchronized void stopAll() {
        for (Process process : List.copyOf(running.values())) {
            process.destroy();
        }
        for (Process process : List.copyOf(running.values())) {
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
        running.clear();
        kafka.stop();
        postgres.stop();
    }

    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            throw new IllegalStateException("Port " + port
                    + " is taken; stop what listens there or set SHIKAKU_FAULT_BASE_PORT");
        }
    }
}
