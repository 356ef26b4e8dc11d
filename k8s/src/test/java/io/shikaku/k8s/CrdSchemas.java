package io.shikaku.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The operators' kinds as the pinned operator versions define them: the CRDs vendored in k8s/crds/ (k8s/README.md
 * says where each comes from), made strict the way {@code kubectl apply --validate=strict} is, so that a field the
 * operator does not know is an error here instead of being pruned silently by the API server.
 */
final class CrdSchemas {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static volatile Map<String, JsonSchema> schemas;

    private CrdSchemas() {
    }

    /** "apiVersion kind" of every served version of every vendored CRD, with its schema. */
    static Map<String, JsonSchema> all() {
        if (schemas == null) {
            Map<String, JsonSchema> found = new TreeMap<>();
            try (Stream<Path> files = Files.list(Rendered.ROOT.resolve("k8s/crds"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    JsonNode crd = YAML.readTree(file.toFile());
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        if (version.path("served").asBoolean()) {
                            ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                            // every object has these, whether its CRD declares them or not
                            ObjectNode root = schema.with("properties");
                            root.putIfAbsent("apiVersion", YAML.createObjectNode().put("type", "string"));
                            root.putIfAbsent("kind", YAML.createObjectNode().put("type", "string"));
                            root.putIfAbsent("metadata", YAML.createObjectNode().put("type", "object"));
                            strict(schema);
                            found.put(group + "/" + version.path("name").asText() + " " + kind,
                                    FACTORY.getSchema(schema));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            schemas = found;
        }
        return schemas;
    }

    /** What is wrong with an object of an operator's kind; empty when its CRD accepts it. */
    static List<String> problems(JsonNode object) {
        String key = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        JsonSchema schema = all().get(key);
        if (schema == null) {
            return List.of("no vendored CRD serves " + key + " (k8s/crds/: " + all().keySet() + ")");
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(object)) {
            problems.add(m.getMessage());
        }
        return problems;
    }

    /** Objects with declared properties accept no others, unless the CRD preserves unknown fields there. */
    private static void strict(JsonNode schema) {
        if (schema instanceof ObjectNode node) {
            if (node.has("properties") && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()
                    && !node.has("additionalProperties")) {
                node.put("additionalProperties", false);
            }
            node.elements().forEachRemaining(CrdSchemas::strict);
        } else if (schema != null && schema.isArray()) {
            schema.elements().forEachRemaining(CrdSchemas::strict);
        }
    }
}
