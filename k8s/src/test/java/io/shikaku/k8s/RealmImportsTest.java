package io.shikaku.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The clusters' realms are the realm file of the local stack: the committed imports are what {@link RealmImports}
 * makes of it today, and the production one keeps none of the demo's shortcuts.
 */
class RealmImportsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theCommittedImportsAreGeneratedFromTheRealmFile() throws IOException {
        boolean accept = Boolean.getBoolean("shikaku.realm.accept");
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> file : RealmImports.render(Rendered.ROOT).entrySet()) {
            Path path = Rendered.ROOT.resolve(file.getKey());
            if (accept) {
                Files.writeString(path, file.getValue());
            } else if (!Files.exists(path) || !Files.readString(path).equals(file.getValue())) {
                stale.add(file.getKey());
            }
        }
        assertEquals(List.of(), stale, "out of date with " + RealmImports.REALM_FILE
                + ": run ./mvnw -B -pl k8s verify -Dshikaku.realm.accept=true and commit the result");
    }

    @Test
    void productionHasNoDemoClientsUsersOrSecretsAndIsHardened() throws IOException {
        String text = Files.readString(Rendered.ROOT.resolve(RealmImports.PRODUCTION_IMPORT));
        JsonNode realm = YAML.readTree(text).path("spec").path("realm");
        assertFalse(text.contains("demo-secret"), "no demo secret");
        assertFalse(text.contains("localhost"), "no localhost redirect or origin");
        assertEquals("all", realm.path("sslRequired").asText());
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force protection");
        assertTrue(realm.path("passwordPolicy").asText().contains("length("), "a password policy");
        assertTrue(realm.path("eventsEnabled").asBoolean() && realm.path("adminEventsEnabled").asBoolean(),
                "login and admin events");
        assertTrue(realm.path("offlineSessionMaxLifespanEnabled").asBoolean(), "offline sessions bounded");
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertTrue(RealmImports.PRODUCTION_CLIENTS.contains(id), "no demo client: " + id);
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), id + ": no password grant");
            if (client.has("secret")) {
                assertTrue(client.path("secret").asText().matches("\\$\\{[A-Z_]+}"), id + ": secret from a Secret");
            }
            for (JsonNode uri : client.path("redirectUris")) {
                assertFalse(uri.asText().contains("*"), id + ": exact redirect URIs only, not " + uri);
            }
            for (JsonNode origin : client.path("webOrigins")) {
                assertFalse(origin.asText().equals("+") || origin.asText().contains("*"), id + ": exact web origins");
            }
        }
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.path("username").asText().startsWith("service-account-"), "no demo user: " + user);
            assertFalse(user.has("credentials"), "no password in the realm");
        }
        assertFalse(realm.path("roles").path("realm").toString().contains("\"offline_access\"]"),
                "offline_access is no default role");
    }
}
