package io.shikaku.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The parts of the running system whose CPU a measured step is charged with: the gateway, eligibility, the facility
 * registry, PostgreSQL (all its processes), Kafka, Keycloak and this driver, found once by port or name.
 */
final class Components {

    private final Map<String, Supplier<List<Long>>> finders = new LinkedHashMap<>();
    private final Map<String, List<Long>> pids = new LinkedHashMap<>();

    Components(BenchSettings s) {
        finders.put("gateway", () -> Processes.listening(s.port(s.gatewayUrl())));
        finders.put("eligibility", () -> Processes.listening(s.port(s.eligibilityUrl())));
        finders.put("facility-registry", () -> Processes.listening(s.port(s.facilityUrl())));
        // every backend too: they come and go, so the name is looked up again at each snapshot
        finders.put("postgresql", () -> Processes.named("postgres"));
        finders.put("kafka", () -> Processes.listening(Integer.parseInt(s.kafkaPort())));
        finders.put("keycloak", () -> Processes.listening(s.port(s.keycloakUrl())));
        finders.put("driver", () -> List.of(ProcessHandle.current().pid()));
        finders.forEach((name, finder) -> pids.put(name, finder.get()));
    }

    /** The pids found for each component (empty where none could be seen). */
    Map<String, List<Long>> pids() {
        return pids;
    }

    /** CPU milliseconds used so far by each component. */
    Map<String, Long> cpuMillis() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.put("postgresql", finders.get("postgresql").get());
        pids.forEach((name, list) -> cpu.put(name, list.stream().mapToLong(Processes::cpuMillis).sum()));
        return cpu;
    }

    /** CPU milliseconds of each component between two snapshots, per unit (a check, a second). */
    static Map<String, Double> spentPer(Map<String, Long> before, Map<String, Long> after, long units) {
        Map<String, Double> per = new LinkedHashMap<>();
        after.forEach((name, ms) -> per.put(name,
                units == 0 ? 0.0 : Math.max(0, ms - before.getOrDefault(name, ms)) / (double) units));
        return per;
    }
}
