package io.shikaku.gateway;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.PublishedMetricsContract;

/**
 * Keeps k8s/metrics/api-gateway.txt, the names dashboards and alerts may use, true (k8s's MonitoringTest), and the
 * gateway's latency buckets those of the services.
 */
@QuarkusTest
@QuarkusTestResource(value = TestDownstream.class, restrictToAnnotatedClass = true)
class PublishedMetricsTest extends PublishedMetricsContract {

    @Override
    protected String module() {
        return "api-gateway";
    }

    @Override
    protected void exercise() {
        given().get("/api/v1/eligibility/checks").then().statusCode(401);
    }
}
