package io.shikaku.eligibility.check;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.ServiceHealthContract;

@QuarkusTest
class HealthTest extends ServiceHealthContract {

    @Test
    void theOpenApiDocumentDescribesTheChecks() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/eligibility/checks"))
                .body(containsString("VALIDATION_FAILED"));
    }
}
