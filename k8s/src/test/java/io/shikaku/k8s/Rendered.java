package io.shikaku.k8s;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * One overlay rendered by {@code kubectl kustomize} and parsed into the fabric8 Kubernetes model, so that the
 * manifest tests look at what a cluster would receive, not at the files that produce it.
 */
final class Rendered {

    /** The repository root (the build passes it; tests run in k8s/ otherwise). */
    static final Path ROOT = Path.of(System.getProperty("shikaku.root", "..")).toAbsolutePath().normalize();
    /** The overlays there are; every one is rendered and checked. */
    static final List<String> OVERLAYS = List.of("local", "production");

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final String overlay;
    /** Each object as the cluster would receive it (plain JSON). */
    final List<ObjectNode> raw;
    /** The same objects in the fabric8 model: typed for Kubernetes kinds, generic for the operators' kinds. */
    final List<HasMetadata> objects;

    private Rendered(String overlay, List<ObjectNode> raw, List<HasMetadata> objects) {
        this.overlay = overlay;
        this.raw = raw;
        this.objects = objects;
    }

    static Rendered overlay(String overlay) {
        return CACHE.computeIfAbsent(overlay, Rendered::render);
    }

    /** Renders a kustomize directory (relative to k8s/) with kubectl; every failure names what to do. */
    static String kustomize(String dir) {
        String kubectl = Optional.ofNullable(System.getenv("KUBECTL")).orElse("kubectl");
        Path target = ROOT.resolve("k8s").resolve(dir);
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Path err = Files.createTempFile("kustomize-", ".err");
            Process process;
            try {
                process = new ProcessBuilder(kubectl, "kustomize", target.toString()).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError("kubectl is needed to render k8s/" + dir + " (kubectl kustomize) and was not"
                        + " found: install kubectl 1.32 or later (kustomize 5 is built in), or set KUBECTL to its path ("
                        + e.getMessage() + ")");
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + target + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + target + " failed: " + Files.readString(err));
            }
            String yaml = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            return yaml;
        } catch (IOException e) {
            throw new AssertionError("rendering k8s/" + dir + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Rendered render(String overlay) {
        String yaml = kustomize("overlays/" + overlay);
        List<ObjectNode> raw = new ArrayList<>();
        List<HasMetadata> objects = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext();) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                raw.add((ObjectNode) doc);
                objects.add(SERIALIZATION.unmarshal(doc.toString(), HasMetadata.class));
            }
        } catch (IOException e) {
            throw new AssertionError("the rendering of overlay " + overlay + " is not YAML: " + e, e);
        }
        return new Rendered(overlay, raw, objects);
    }

    <T extends HasMetadata> Stream<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast);
    }

    Stream<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).filter(r -> r.getKind().equals(kind));
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    /**
     * Fields a Kubernetes kind does not have (a misspelt {@code readinesProbe}, a field at the wrong level): the
     * fabric8 model keeps them in {@code additionalProperties}, where a cluster's API server would refuse them.
     */
    static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        unknownFields(model, "", found);
        return found;
    }

    private static void unknownFields(Object node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, found));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")
                || node instanceof GenericKubernetesResource) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add((path.isEmpty() ? "" : path + ".") + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(value, path.isEmpty() ? field : path + "." + field, found);
            }
        }
    }
}
