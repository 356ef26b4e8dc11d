package io.shikaku.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Writes the Keycloak operator's {@code KeycloakRealmImport}s from the local stack's realm file, so that the cluster's
 * realm and {@code infra/keycloak/shikaku-realm.json} are one fact: the local overlay's as it is (demo clients, users,
 * secrets), the production overlay's hardened (k8s/README.md, "The realm").
 */
public final class RealmImports {

    /** The realm file of the local stack, relative to the repository root. */
    public static final String REALM_FILE = "infra/keycloak/shikaku-realm.json";
    /** The demo realm's import, relative to the repository root. */
    public static final String LOCAL_IMPORT = "k8s/overlays/local/realm-import.yaml";
    /** The production realm's import, relative to the repository root. */
    public static final String PRODUCTION_IMPORT = "k8s/overlays/production/realm-import.yaml";
    /** Where people reach the gateway (and the portal at /portal/) in production. */
    public static final String PRODUCTION_ORIGIN = "https://api.shikaku.example";
    /** The Kubernetes Secret holding the production clients' secrets (created by the operator of the cluster). */
    public static final String SECRETS = "shikaku-realm-secrets";
    /**
     * Clients that exist in production too (the feeds are systems of the national infrastructure); every other
     * confidential client of the realm file is a demo clinic or insurer, registered per facility in production.
     */
    static final Set<String> PRODUCTION_CLIENTS = Set.of("shikaku-portal", "claims-feed", "registry-feed");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private RealmImports() {
    }

    /** Writes both imports under the repository root given as the only argument (default: the working directory). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        for (Map.Entry<String, String> file : render(root).entrySet()) {
            Files.writeString(root.resolve(file.getKey()), file.getValue());
        }
    }

    /** The two import files' paths (relative to the root) and their contents. */
    public static Map<String, String> render(Path root) throws IOException {
        JsonNode realm = JSON.readTree(root.resolve(REALM_FILE).toFile());
        return Map.of(LOCAL_IMPORT, yaml("the demo realm: " + REALM_FILE + " as it is", realm.deepCopy(), null),
                PRODUCTION_IMPORT, yaml("the production realm: " + REALM_FILE
                        + " without demo clients, users or secrets, hardened",
                        production((ObjectNode) realm.deepCopy()),
                        placeholders()));
    }

    /** The realm file hardened for production (k8s/README.md lists each change). */
    static ObjectNode production(ObjectNode realm) {
        realm.put("sslRequired", "all");
        realm.put("bruteForceProtected", true);
        realm.put("permanentLockout", false);
        realm.put("failureFactor", 5);
        realm.put("waitIncrementSeconds", 60);
        realm.put("maxFailureWaitSeconds", 900);
        realm.put("passwordPolicy",
                "length(12) and upperCase(1) and lowerCase(1) and digits(1) and notUsername and passwordHistory(5)");
        realm.put("eventsEnabled", true);
        realm.put("eventsExpiration", 7776000);
        realm.put("adminEventsEnabled", true);
        realm.put("adminEventsDetailsEnabled", true);
        // offline tokens: nobody gets offline_access by default, and an offline session ends after 30 days
        realm.put("offlineSessionMaxLifespanEnabled", true);
        realm.put("offlineSessionMaxLifespan", 2592000);
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (role.path("composites").path("realm") instanceof ArrayNode composites) {
                removeText(composites, "offline_access");
            }
        }
        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (Iterator<JsonNode> it = clients.iterator(); it.hasNext();) {
            ObjectNode client = (ObjectNode) it.next();
            String id = client.get("clientId").asText();
            if (!PRODUCTION_CLIENTS.contains(id)) {
                it.remove();
                continue;
            }
            client.put("directAccessGrantsEnabled", false);
            if (client.has("secret")) {
                client.put("secret", "${" + secretPlaceholder(id) + "}");
            }
            if (client.path("publicClient").asBoolean()) {
                client.put("rootUrl", PRODUCTION_ORIGIN);
                client.set("redirectUris", JSON.createArrayNode().add(PRODUCTION_ORIGIN + "/portal/"));
                client.set("webOrigins", JSON.createArrayNode().add(PRODUCTION_ORIGIN));
                ((ObjectNode) client.with("attributes")).put("post.logout.redirect.uris",
                        PRODUCTION_ORIGIN + "/portal/");
            }
        }
        ArrayNode users = (ArrayNode) realm.get("users");
        for (Iterator<JsonNode> it = users.iterator(); it.hasNext();) {
            String user = it.next().get("username").asText();
            boolean keptServiceAccount = PRODUCTION_CLIENTS.stream().anyMatch(c -> user.equals("service-account-" + c));
            if (!keptServiceAccount) {
                it.remove();
            }
        }
        return realm;
    }

    /** The placeholder a confidential client's secret is replaced by, e.g. CLAIMS_FEED_SECRET. */
    static String secretPlaceholder(String clientId) {
        return clientId.toUpperCase().replace('-', '_') + "_SECRET";
    }

    private static ObjectNode placeholders() {
        ObjectNode placeholders = JSON.createObjectNode();
        PRODUCTION_CLIENTS.stream().sorted().filter(c -> !c.equals("shikaku-portal")).forEach(c -> {
            ObjectNode secret = placeholders.putObject(secretPlaceholder(c)).putObject("secret");
            secret.put("name", SECRETS);
            secret.put("key", c);
        });
        return placeholders;
    }

    private static void removeText(ArrayNode array, String text) {
        List<Integer> gone = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).asText().equals(text)) {
                gone.add(0, i);
            }
        }
        gone.forEach(array::remove);
    }

    private static String yaml(String what, JsonNode realm, ObjectNode placeholders) throws IOException {
        ObjectNode cr = JSON.createObjectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        cr.put("kind", "KeycloakRealmImport");
        cr.putObject("metadata").put("name", "shikaku");
        ObjectNode spec = cr.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        if (placeholders != null) {
            spec.set("placeholders", placeholders);
        }
        spec.set("realm", realm);
        return "# Generated by io.shikaku.k8s.RealmImports from " + REALM_FILE + " (" + what + "): do not edit;\n"
                + "# change the realm file and run `./mvnw -B -pl k8s verify -Dshikaku.realm.accept=true` (k8s/README.md).\n"
                + YAML.writeValueAsString(cr);
    }
}
