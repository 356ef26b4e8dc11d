package io.shikaku.eligibility.contract;

import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.PublishedMetricsContract;

/** Keeps k8s/metrics/eligibility-service.txt, the names dashboards and alerts may use, true (k8s's MonitoringTest). */
@QuarkusTest
class PublishedMetricsTest extends PublishedMetricsContract {

    @Override
    protected String module() {
        return "eligibility-service";
    }

    /** Registered only when it first counts something (an event parked), which a test run need not provoke. */
    @Override
    protected Set<String> onFirstUse() {
        return Set.of("shikaku_inbox_parked_total");
    }
}
