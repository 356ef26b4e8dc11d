package io.shikaku.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.shikaku.common.testing.Tokens;
import io.shikaku.gateway.TestDownstream;

/** Rate limits through the gateway, with small budgets so that a test reaches them quickly. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBudgets.class)
@QuarkusTestResource(value = TestDownstream.class, restrictToAnnotatedClass = true)
class RateLimitTest {

    /** Checks: a burst of 5, then one a second; audit: a burst of 2. */
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shikaku.gateway.rate-limit.enabled", "true",
                    "shikaku.gateway.rate-limit.groups.checks.capacity", "5",
                    "shikaku.gateway.rate-limit.groups.checks.refill-per-second", "1",
                    "shikaku.gateway.rate-limit.groups.audit.capacity", "2",
                    "shikaku.gateway.rate-limit.groups.audit.refill-per-second", "1");
        }
    }

    @Test
    void aClientOverItsBudgetIsRefusedWithRateLimitedAndRetryAfterBeforeTheServiceIsAsked() {
        String token = Tokens.withClaim("clinic", "azp", "clinic-0110113719");
        for (int i = 0; i < 5; i++) {
            check(token).then().statusCode(200).header("X-Downstream", "echo");
        }
        Response refused = firstRefusal(() -> check(token));
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("X-Downstream", (String) null)
                .header("X-Request-Id", notNullValue())
                .body("code", equalTo("RATE_LIMITED"))
                .body("status", equalTo(429));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertEquals(1, retryAfter, "one a second: the next request is at most a second away");
    }

    @Test
    void anotherClientAndAnotherRouteGroupKeepTheirOwnBudgets() {
        String greedy = Tokens.withClaim("clinic", "azp", "clinic-greedy");
        firstRefusal(() -> check(greedy));

        check(Tokens.withClaim("clinic", "azp", "clinic-patient")).then().statusCode(200);
        String auditor = Tokens.as("auditor-1", "auditor");
        given().header("Authorization", "Bearer " + auditor).get("/api/v1/audit/sweeps").then().statusCode(200);
        given().header("Authorization", "Bearer " + auditor).get("/api/v1/audit/sweeps").then().statusCode(200);
        firstRefusal(() -> given().header("Authorization", "Bearer " + auditor).get("/api/v1/audit/sweeps")).then()
                .body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void refusalsAreCountedByRouteGroupWithoutNamingTheClient() {
        String token = Tokens.withClaim("clinic", "azp", "clinic-counted");
        firstRefusal(() -> check(token));
        firstRefusal(() -> check(token));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String line = metrics.lines().filter(l -> l.startsWith("shikaku_gateway_rate_limited_total{")
                && l.contains("group=\"checks\"")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 2, line);
        assertEquals(0, metrics.lines().filter(l -> l.contains("clinic-counted")).count());
    }

    @Test
    void aRequestRefusedForItsRoleIsNotCountedAgainstTheBudget() {
        String patient = Tokens.withClaim("patient", "azp", "shikaku-portal");
        for (int i = 0; i < 10; i++) {
            check(patient).then().statusCode(403);
        }
    }

    /**
     * Sends until the first refusal: the bucket refills at one a second, so on a slow machine a request or two more may
     * pass than the burst; never dozens.
     */
    private static Response firstRefusal(Supplier<Response> request) {
        for (int i = 0; i < 50; i++) {
            Response response = request.get();
            if (response.statusCode() != 200) {
                return response.then().statusCode(429).extract().response();
            }
        }
        throw new AssertionError("50 requests and none refused");
    }

    private static Response check(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .post("/api/v1/eligibility/checks");
    }
}
