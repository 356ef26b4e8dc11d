package io.shikaku.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Refuses to start a run against a suite that is not up, naming what does not answer and how to start it. */
final class SuiteProbe {

    private SuiteProbe() {
    }

    static boolean isUp(Http http, BenchSettings s) {
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("gateway", s.gatewayUrl() + "/q/health/ready");
        probes.put("eligibility-service", s.eligibilityUrl() + "/q/health/ready");
        probes.put("facility-registry-service", s.facilityUrl() + "/q/health/ready");
        probes.put("keycloak", s.keycloakUrl() + "/realms/shikaku/.well-known/openid-configuration");
        boolean up = true;
        for (Map.Entry<String, String> probe : probes.entrySet()) {
            int status;
            try {
                status = http.get(probe.getValue(), null).status();
            } catch (Exception e) {
                status = -1;
            }
            if (status != 200) {
                System.err.printf("[bench] %s does not answer at %s%s%n", probe.getKey(), probe.getValue(),
                        status < 0 ? "" : " (status " + status + ")");
                up = false;
            }
        }
        if (!up) {
            System.err.println("[bench] the suite is not up: start it with bin/shikaku up, then run the benchmark");
        }
        return up;
    }
}
