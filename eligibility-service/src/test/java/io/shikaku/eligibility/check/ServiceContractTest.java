package io.shikaku.eligibility.check;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.ServiceContract;

@QuarkusTest
class ServiceContractTest extends ServiceContract {

    @Test
    void theOpenApiDocumentDescribesTheChecks() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/eligibility/checks"))
                .body(containsString("VALIDATION_FAILED"));
    }
}
