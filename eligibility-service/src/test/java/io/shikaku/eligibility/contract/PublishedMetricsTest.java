package io.shikaku.eligibility.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Kubernetes dashboards and alerts may name only the metrics in k8s/metrics/eligibility-service.txt (k8s's
 * MonitoringTest): this keeps that list true, so a renamed metric fails here instead of leaving a panel empty and an
 * alert silent.
 */
@QuarkusTest
class PublishedMetricsTest {

    private static final Path LIST = Path.of("../k8s/metrics/eligibility-service.txt");
    /** Registered only when it first counts something (an event parked), which a test run need not provoke. */
    private static final Set<String> ON_FIRST_USE = Set.of("shikaku_inbox_parked_total");

    @Test
    void everyMetricTheDashboardsAndAlertsMayNameIsPublished() throws Exception {
        Set<String> listed = Files.readAllLines(LIST).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !ON_FIRST_USE.contains(l))
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(listed.isEmpty(), LIST + " lists no metric");
        // a request, so that the HTTP timers exist; the Kafka consumer's lag gauge comes once it has joined
        given().get("/api/v1/eligibility/checks/00000000-0000-4000-8000-000000000000").then().statusCode(401);
        Set<String> missing = new TreeSet<>(listed);
        for (int attempt = 0; attempt < 60 && !missing.isEmpty(); attempt++) {
            missing.removeAll(published());
            if (!missing.isEmpty()) {
                Thread.sleep(500);
            }
        }
        assertEquals(Set.of(), missing, "listed in " + LIST + " but not published at /q/metrics");
    }

    private static Set<String> published() throws IOException {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());
    }
}
