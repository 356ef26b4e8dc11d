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

    @Test
    void theOpenApiDocumentDescribesCardsAndConsent() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/card-registrations/{cardSerial}/withdrawal"))
                .body(containsString("/api/v1/eligibility/consents/{personId}"))
                .body(containsString("CARD_NOT_REGISTERED"))
                .body(containsString("MY_NUMBER_NOT_LINKED"));
    }
}
