package io.shikaku.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shikaku.common.testing.Tokens;

/** The gateway with its OIDC provider down (as at a start before Keycloak): it runs, and says why it cannot help. */
@QuarkusTest
@TestProfile(OidcProviderDownTest.ProviderDown.class)
class OidcProviderDownTest {

    @Test
    void startsAndIsAliveButNotReady() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'OIDC provider' }.status", equalTo("DOWN"));
    }

    @Test
    void requestWithTokenIs503BecauseTheTokenCannotBeVerified() {
        given().header("Authorization", "Bearer " + Tokens.withRoles("clinic"))
                .get("/api/v1/eligibility/checks/1")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("X-Request-Id", notNullValue())
                .body("code", equalTo("UNAVAILABLE"));
    }

    @Test
    void requestWithoutTokenIsStill401() {
        given().get("/api/v1/eligibility/checks/1")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    /** Points discovery at a closed port. */
    public static class ProviderDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://localhost:" + closedPort() + "/realms/shikaku");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
