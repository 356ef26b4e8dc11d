package io.shikaku.e2e;

import static io.restassured.RestAssured.given;

/** Tokens from the real Keycloak, as the demo clients and users of the realm get them. */
final class Keycloak {

    static final String REALM_URL = System.getenv().getOrDefault("SHIKAKU_OIDC_URL",
            "http://localhost:" + System.getenv().getOrDefault("SHIKAKU_KEYCLOAK_PORT", "8180") + "/realms/shikaku");
    static final String DEMO_SECRET = "demo-secret";

    private Keycloak() {
    }

    /** An access token for a confidential demo client (clinic systems, insurers, feeds). */
    static String clientToken(String clientId) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", DEMO_SECRET)
                .post(REALM_URL + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
