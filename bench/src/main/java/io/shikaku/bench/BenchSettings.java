package io.shikaku.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a run measures and where the suite is: the full run's or {@code --quick}'s defaults, each overridable by an
 * environment variable (ports and credentials with the defaults of bin/shikaku and bin/infra).
 */
record BenchSettings(boolean quick, Path root, List<Integer> rates, int warmUpSeconds, int measuredSeconds,
        long persons, int clinics, int usageSeconds, int pgbenchSeconds, int pgbenchClients, int pgbenchThreads,
        String pgbench, int warmUpPhaseSeconds, int warmUpRate, List<Integer> cardRates, long cards,
        String myNumberHashKey, Path facilityMaster, int batchWaitSeconds, int pauseSeconds,
        String gatewayUrl, String eligibilityUrl, String facilityUrl, String keycloakUrl, String keycloakAdmin,
        String keycloakAdminPassword, String dbHost, int dbPort, String dbUser, String dbPassword,
        String kafkaPort) {

    static final String CLIENT_SECRET = "demo-secret";

    static BenchSettings from(boolean quick, Path root, Map<String, String> env) {
        Env e = new Env(env);
        List<Integer> rates = e.rates("SHIKAKU_BENCH_RATES", quick
                ? List.of(100, 400, 1000, 2000, 3000, 4500)
                : List.of(100, 200, 400, 800, 1200, 1600, 2000, 2400, 3000, 3600, 4200, 5000, 6000));
        List<Integer> cardRates = e.rates("SHIKAKU_BENCH_CARD_RATES", quick
                ? List.of(100, 400, 1000, 2000)
                : List.of(100, 200, 400, 600, 800, 1200, 1600, 2000, 2400, 3000));
        return new BenchSettings(quick, root, rates,
                e.integer("SHIKAKU_BENCH_WARMUP_SECONDS", quick ? 1 : 5),
                e.integer("SHIKAKU_BENCH_MEASURED_SECONDS", quick ? 5 : 20),
                e.integer("SHIKAKU_BENCH_PERSONS", 1_000_000),
                e.integer("SHIKAKU_BENCH_CLINICS", 100),
                e.integer("SHIKAKU_BENCH_USAGE_SECONDS", quick ? 5 : 15),
                e.integer("SHIKAKU_BENCH_PGBENCH_SECONDS", quick ? 5 : 15),
                e.integer("SHIKAKU_BENCH_PGBENCH_CLIENTS", 8),
                e.integer("SHIKAKU_BENCH_PGBENCH_THREADS", 2),
                e.text("SHIKAKU_BENCH_PGBENCH", "/usr/bin/pgbench"),
                e.integer("SHIKAKU_BENCH_WARMUP_PHASE_SECONDS", quick ? 15 : 60),
                e.integer("SHIKAKU_BENCH_WARMUP_RATE", quick ? 200 : 300),
                cardRates,
                e.integer("SHIKAKU_BENCH_CARDS", 100_000),
                // eligibility's key: SHIKAKU_MY_NUMBER_HASH_KEY, else the development key of bin/shikaku up's demo
                e.text("SHIKAKU_MY_NUMBER_HASH_KEY", BenchMyNumbers.DEVELOPMENT_KEY),
                Path.of(e.text("SHIKAKU_BENCH_FACILITY_MASTER", root.resolve(".local/demo-master.csv").toString())),
                e.integer("SHIKAKU_BENCH_BATCH_WAIT_SECONDS", quick ? 30 : 300),
                e.integer("SHIKAKU_BENCH_PAUSE_SECONDS", quick ? 1 : 3),
                "http://localhost:" + e.text("SHIKAKU_GATEWAY_PORT", "8080"),
                "http://localhost:" + e.text("SHIKAKU_ELIGIBILITY_PORT", "8081"),
                "http://localhost:" + e.text("SHIKAKU_FACILITY_PORT", "8084"),
                "http://localhost:" + e.text("SHIKAKU_KEYCLOAK_PORT", "8180"),
                e.text("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"), e.text("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
                e.text("SHIKAKU_DB_HOST", "localhost"), e.integer("SHIKAKU_DB_PORT", 5432),
                e.text("SHIKAKU_DB_USER", "shikaku"), e.text("SHIKAKU_DB_PASSWORD", "shikaku"),
                e.text("SHIKAKU_KAFKA_PORT", "9092"));
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + database;
    }

    int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    /** Environment lookups with defaults. */
    private record Env(Map<String, String> env) {

        String text(String name, String fallback) {
            String value = env.get(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(text(name, Integer.toString(fallback)));
        }

        List<Integer> rates(String name, List<Integer> fallback) {
            String given = env.get(name);
            return given == null || given.isBlank()
                    ? fallback
                    : Arrays.stream(given.split(",")).map(String::strip).map(Integer::valueOf).toList();
        }
    }
}
