package io.shikaku.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What operators rely on in every service: liveness that notices a wedged connection pool, readiness that covers the
 * real database and Kafka, Prometheus metrics with the pool's gauges, and the OpenAPI document. A service's test
 * extends this and is annotated {@code @QuarkusTest}.
 */
public abstract class ServiceHealthContract {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections liveness check"));
    }

    @Test
    void metricsAndOpenApiArePublished() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"))
                .body(containsString("sql_pool_active{")).body(containsString("sql_pool_idle{"))
                .body(containsString("sql_pool_queue_size{"));
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("\"openapi\""));
    }
}
