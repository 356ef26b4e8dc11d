package io.shikaku.eligibility.check;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.shikaku.common.testing.AbortedRequests;
import io.shikaku.common.testing.PoolGauges;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.Fixtures;

/** Issue 5: hundreds of checks whose clients give up mid-flight leave the pool idle and every later check served. */
@QuarkusTest
class AbortedChecksTest {

    private static final String CLINIC = "0110113719";
    private static final String INSURER = "06130017";

    @Inject
    AgroalDataSource db;

    @Test
    void checksWhoseClientsGiveUpNeitherLeakConnectionsNorBlockLaterChecks() throws Exception {
        Fixtures fixtures = new Fixtures(db);
        fixtures.insurer(INSURER, "さくら健康保険組合");
        fixtures.liveFacility(CLINIC);
        String number = Fixtures.freshNumber();
        fixtures.qualification(fixtures.person("山田 太郎", "MALE", "1980-04-01"), INSURER, "1234", number, "00",
                "2015-04-01", null);
        String body = "{\"method\":\"INSURANCE_CARD\",\"visitDate\":\"2026-11-21\",\"insurerNumber\":\"" + INSURER
                + "\",\"symbol\":\"1234\",\"number\":\"" + number
                + "\",\"branch\":\"00\",\"birthDate\":\"1980-04-01\"}";
        String token = Tokens.clinic(CLINIC);

        AbortedRequests.post("localhost", RestAssured.port, "/api/v1/eligibility/checks", token, body, 400, 40);

        PoolGauges pool = PoolGauges.awaitIdle(() -> given().get("/q/metrics").asString(), Duration.ofSeconds(60));
        assertEquals(new PoolGauges(0, 0), pool, "connections in use and requests waiting after the clients left");
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/eligibility/checks")
                    .then().statusCode(200).body("validity", equalTo("VALID"));
        }
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
