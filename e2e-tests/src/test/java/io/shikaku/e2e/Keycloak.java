package io.shikaku.e2e;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

/** Tokens from the real Keycloak, as the demo clients and users of the realm get them. */
final class Keycloak {

    static final String REALM_URL = System.getenv().getOrDefault("SHIKAKU_OIDC_URL",
            "http://localhost:" + System.getenv().getOrDefault("SHIKAKU_KEYCLOAK_PORT", "8180") + "/realms/shikaku");
    static final String DEMO_SECRET = "demo-secret";
    static final String BASE_URL = REALM_URL.substring(0, REALM_URL.indexOf("/realms/"));
    private static final String ADMIN = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    private static final String ADMIN_PASSWORD = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");

    private Keycloak() {
    }

    /** An access token of a demo user (password grant through the local-only demo client). */
    static String userToken(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "shikaku-demo-cli")
                .formParam("username", username).formParam("password", "demo")
                .post(REALM_URL + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * Registers a clinic system for {@code facilityCode} as an operator would (admin API, local admin account), shaped
     * like the realm's demo clinics: client credentials, role {@code clinic}, the facility_code claim and the API
     * audience. Idempotent: an existing client is kept.
     */
    static String registerClinicSystem(String facilityCode) {
        return registerSystem("clinic-" + facilityCode, "clinic", Map.of("facility_code", facilityCode));
    }

    /**
     * Registers emergency staff of {@code facilityCode} with a licensed {@code profession}, shaped like the realm's
     * {@code emergency-doctor} (role {@code emergency-staff}, claims facility_code and profession) but as a client of
     * its own, so that a test has a staff identity (token subject) of its own. Idempotent.
     */
    static String registerEmergencyStaff(String facilityCode, String profession) {
        return registerSystem("emergency-" + facilityCode + "-" + profession.toLowerCase(java.util.Locale.ROOT),
                "emergency-staff", Map.of("facility_code", facilityCode, "profession", profession));
    }

    /**
     * Registers a person as the facility administrator of {@code facilityCode}, as an operator would, shaped like the
     * realm's {@code facility-admin-0110113719}: user {@code facility-admin-<code>}, password {@code demo}, role
     * {@code facility-admin}, attribute facility_code. Idempotent: an existing user is kept.
     */
    static String registerFacilityAdmin(String facilityCode) {
        return registerUser("facility-admin-" + facilityCode, "facility-admin", Map.of("facility_code", facilityCode));
    }

    /**
     * Registers a patient bound to {@code personId}, shaped like the realm's {@code patient-demo}: user
     * {@code username}, password {@code demo}, role {@code patient}, attribute person_id. Idempotent.
     */
    static String registerPatient(String username, String personId) {
        return registerUser(username, "patient", Map.of("person_id", personId));
    }

    /**
     * Registers a clinic system for {@code facilityCode} whose access tokens lack the API audience
     * ({@code shikaku-api}): a real token of the realm, issued for another audience. Idempotent.
     */
    static String registerClientForAnotherAudience(String facilityCode) {
        return registerSystem("other-audience-" + facilityCode, "clinic", Map.of("facility_code", facilityCode),
                false, Map.of());
    }

    /**
     * Registers a clinic system for {@code facilityCode} whose access tokens live one second (client attribute
     * {@code access.token.lifespan}): a real token, really signed, soon expired. Idempotent.
     */
    static String registerShortLivedClinic(String facilityCode) {
        return registerSystem("short-lived-" + facilityCode, "clinic", Map.of("facility_code", facilityCode), true,
                Map.of("access.token.lifespan", "1"));
    }

    private static String registerUser(String username, String role, Map<String, String> attributes) {
        String admin = adminToken();
        String users = BASE_URL + "/admin/realms/shikaku/users";
        List<String> existing = given().auth().oauth2(admin).queryParam("username", username)
                .queryParam("exact", true).get(users).then().statusCode(200).extract().path("id");
        if (existing.isEmpty()) {
            Map<String, List<String>> values = new java.util.HashMap<>();
            attributes.forEach((name, value) -> values.put(name, List.of(value)));
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("username", username,
                    "enabled", true, "emailVerified", true, "email", username + "@shikaku.example",
                    "firstName", "Test", "lastName", username,
                    "attributes", values,
                    "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))))
                    .post(users).then().statusCode(201);
            String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                    .get(users).then().statusCode(200).extract().path("[0].id");
            Map<?, ?> realmRole = given().auth().oauth2(admin)
                    .get(BASE_URL + "/admin/realms/shikaku/roles/" + role).then().statusCode(200).extract()
                    .as(Map.class);
            given().auth().oauth2(admin).contentType("application/json").body(List.of(realmRole))
                    .post(users + "/" + id + "/role-mappings/realm").then().statusCode(204);
        }
        return username;
    }

    /** An access token of the local admin account: a real token, signed by another realm ({@code master}). */
    static String masterRealmToken() {
        return adminToken();
    }

    private static String adminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", ADMIN).formParam("password", ADMIN_PASSWORD)
                .post(BASE_URL + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String registerSystem(String clientId, String role, Map<String, String> claims) {
        return registerSystem(clientId, role, claims, true, Map.of());
    }

    private static String registerSystem(String clientId, String role, Map<String, String> claims,
            boolean apiAudience, Map<String, String> clientAttributes) {
        String admin = adminToken();
        String clients = BASE_URL + "/admin/realms/shikaku/clients";
        List<String> existing = given().auth().oauth2(admin).queryParam("clientId", clientId).get(clients)
                .then().statusCode(200).extract().path("id");
        if (existing.isEmpty()) {
            List<Map<String, Object>> mappers = new java.util.ArrayList<>();
            claims.forEach((claim, value) -> mappers.add(mapper(claim, "oidc-hardcoded-claim-mapper",
                    Map.of("claim.name", claim, "claim.value", value, "jsonType.label", "String"))));
            if (apiAudience) {
                mappers.add(mapper("shikaku-api audience", "oidc-audience-mapper",
                        Map.of("included.custom.audience", "shikaku-api")));
            }
            given().auth().oauth2(admin).contentType("application/json").body(Map.of(
                    "clientId", clientId, "secret", DEMO_SECRET, "publicClient", false,
                    "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                    "directAccessGrantsEnabled", false, "protocolMappers", mappers, "attributes", clientAttributes))
                    .post(clients).then().statusCode(201);
            String id = given().auth().oauth2(admin).queryParam("clientId", clientId).get(clients)
                    .then().statusCode(200).extract().path("[0].id");
            String user = given().auth().oauth2(admin).get(clients + "/" + id + "/service-account-user")
                    .then().statusCode(200).extract().path("id");
            Map<?, ?> realmRole = given().auth().oauth2(admin)
                    .get(BASE_URL + "/admin/realms/shikaku/roles/" + role).then().statusCode(200).extract()
                    .as(Map.class);
            given().auth().oauth2(admin).contentType("application/json").body(List.of(realmRole))
                    .post(BASE_URL + "/admin/realms/shikaku/users/" + user + "/role-mappings/realm")
                    .then().statusCode(204);
        }
        return clientId;
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
        Map<String, String> all = new java.util.HashMap<>(config);
        all.put("access.token.claim", "true");
        all.put("id.token.claim", "false");
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", all);
    }

    /** An access token for a confidential demo client (clinic systems, insurers, feeds). */
    static String clientToken(String clientId) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", DEMO_SECRET)
                .post(REALM_URL + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
