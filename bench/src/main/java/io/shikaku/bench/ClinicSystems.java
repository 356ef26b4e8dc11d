package io.shikaku.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Registers the benchmark's clinic systems in Keycloak as an operator would (admin API, the local admin account),
 * shaped like the realm's demo clinics: client credentials, role {@code clinic}, the {@code facility_code} claim and
 * the API audience. Idempotent: an existing client is kept.
 */
final class ClinicSystems {

    private final Http http;
    private final BenchSettings settings;

    ClinicSystems(Http http, BenchSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** Registers a clinic system for each facility that has none; returns how many were new. */
    int register(List<String> facilityCodes) throws IOException, InterruptedException {
        String admin = adminToken();
        String clients = settings.keycloakUrl() + "/admin/realms/shikaku/clients";
        JsonNode clinicRole = null;
        int created = 0;
        for (String code : facilityCodes) {
            String clientId = clientId(code);
            String query = clients + "?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8);
            if (http.get(query, admin).expect(200).json().size() > 0) {
                continue;
            }
            if (clinicRole == null) {
                clinicRole = http.get(settings.keycloakUrl() + "/admin/realms/shikaku/roles/clinic", admin)
                        .expect(200).json();
            }
            http.json("POST", clients, admin, Map.of("clientId", clientId, "secret", BenchSettings.CLIENT_SECRET,
                    "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                    "directAccessGrantsEnabled", false, "protocolMappers", List.of(
                            mapper("facility_code", "oidc-hardcoded-claim-mapper", Map.of("claim.name",
                                    "facility_code", "claim.value", code, "jsonType.label", "String")),
                            mapper("shikaku-api audience", "oidc-audience-mapper",
                                    Map.of("included.custom.audience", "shikaku-api")))))
                    .expect(201);
            String id = http.get(query, admin).expect(200).json().get(0).get("id").asText();
            String user = http.get(clients + "/" + id + "/service-account-user", admin).expect(200).json()
                    .get("id").asText();
            http.json("POST", settings.keycloakUrl() + "/admin/realms/shikaku/users/" + user
                    + "/role-mappings/realm", admin, List.of(clinicRole)).expect(204);
            created++;
        }
        return created;
    }

    static String clientId(String facilityCode) {
        return "clinic-" + facilityCode;
    }

    private String adminToken() throws IOException, InterruptedException {
        return http.form(settings.keycloakUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", settings.keycloakAdmin(),
                        "password", settings.keycloakAdminPassword()))
                .expect(200).json().get("access_token").asText();
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
        Map<String, String> all = new HashMap<>(config);
        all.put("access.token.claim", "true");
        all.put("id.token.claim", "false");
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", all);
    }
}
