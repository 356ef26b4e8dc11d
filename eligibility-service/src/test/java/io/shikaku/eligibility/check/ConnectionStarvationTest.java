package io.shikaku.eligibility.check;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.db.DatabaseLiveness;
import io.shikaku.common.db.DatabaseReadiness;
import io.shikaku.common.testing.PoolGauges;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.support.Fixtures;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

/** Issue 5: with every connection taken, a check is a quick 503, readiness and liveness fail, and all recovers. */
@QuarkusTest
@TestProfile(ConnectionStarvationTest.SmallPool.class)
class ConnectionStarvationTest {

    /** A pool of three, short waits, and a service called wedged as soon as it has no connection to give. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "3", "shikaku.db.acquire-timeout", "1s",
                    "shikaku.db.probe-timeout", "1s", "shikaku.db.wedged-after", "0s");
        }
    }

    @Inject
    Pool pool;

    @Inject
    AgroalDataSource db;

    @Test
    void aServiceWithNoFreeConnectionAnswers503AndSaysSoUntilOneIsFree() throws Exception {
        new Fixtures(db).liveFacility("0110113719");
        String token = Tokens.clinic("0110113719");
        List<SqlConnection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                taken.add(pool.getConnection().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
            }
            check(token).statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("UNAVAILABLE"));
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == '" + DatabaseReadiness.NAME + "' }.status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(503)
                    .body("checks.find { it.name == '" + DatabaseLiveness.NAME + "' }.status", equalTo("DOWN"));
        } finally {
            taken.forEach(SqlConnection::close);
        }
        PoolGauges pool = PoolGauges.awaitIdle(() -> given().get("/q/metrics").asString(), Duration.ofSeconds(30));
        assertEquals(new PoolGauges(0, 0), pool, "a connection that came after its request gave up was kept");
        check(token).statusCode(200).body("validity", equalTo("NOT_FOUND"));
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem(DatabaseReadiness.NAME));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem(DatabaseLiveness.NAME));
    }

    private static ValidatableResponse check(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"method\":\"INSURANCE_CARD\",\"visitDate\":\"2026-11-21\",\"insurerNumber\":\"06130017\","
                        + "\"symbol\":\"1234\",\"number\":\"0000\",\"branch\":\"00\",\"birthDate\":\"1980-04-01\"}")
                .post("/api/v1/eligibility/checks").then();
    }
}
