package io.shikaku.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Kubernetes dashboards and alerts may name only the metrics in k8s/metrics/api-gateway.txt (k8s's MonitoringTest):
 * this keeps that list true, so a renamed metric fails here instead of leaving a panel empty and an alert silent.
 */
@QuarkusTest
@QuarkusTestResource(value = TestDownstream.class, restrictToAnnotatedClass = true)
class PublishedMetricsTest {

    private static final Path LIST = Path.of("../k8s/metrics/api-gateway.txt");

    @Test
    void everyMetricTheDashboardsAndAlertsMayNameIsPublished() throws Exception {
        Set<String> listed = Files.readAllLines(LIST).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(listed.isEmpty(), LIST + " lists no metric");
        // a request, so that the HTTP timers exist
        given().get("/api/v1/eligibility/checks").then().statusCode(401);
        Set<String> published = given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(published);
        assertEquals(Set.of(), missing, "listed in " + LIST + " but not published at /q/metrics");
    }
}
