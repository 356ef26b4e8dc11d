package io.shikaku.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Renders every overlay and checks what a cluster would otherwise find out the hard way: probes on paths and ports the
 * services do not serve, settings nobody reads, floating images, containers without resources or running as root,
 * NetworkPolicies that select nothing, topics without their KafkaTopic (k8s/README.md, "The test").
 */
@SuppressWarnings("unchecked")
class ManifestsTest {

    private static final Pattern PINNED = Pattern
            .compile(".+(@sha256:[0-9a-f]{64}|:v?\\d+\\.\\d+(\\.\\d+)?([-.][\\w.]+)?)$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOPIC_CONSTANT = Pattern
            .compile("public static final String \\w+ = \"([^\"]+)\";");

    static List<String> overlays() {
        return Rendered.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsAKindTheClusterKnowsWithNoFieldItLacks(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        assertFalse(r.objects.isEmpty(), overlay + " renders nothing");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < r.objects.size(); i++) {
            HasMetadata o = r.objects.get(i);
            String id = o.getKind() + "/" + o.getMetadata().getName();
            if (o instanceof GenericKubernetesResource) {
                CrdSchemas.problems(r.raw.get(i)).forEach(p -> problems.add(id + ": " + p));
            } else {
                Rendered.unknownFields(o).forEach(f -> problems.add(id + ": unknown field " + f));
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceModuleRunsAndEveryDeploymentRunsAServiceModule(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Set<String> deployed = r.all(Deployment.class).map(d -> d.getMetadata().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(ServiceSources.MODULES), deployed, overlay + ": one Deployment per service module");
        r.all(Deployment.class).forEach(d -> assertEquals(List.of(d.getMetadata().getName()),
                containers(d).stream().map(Container::getName).toList(),
                overlay + ": " + d.getMetadata().getName() + " runs its one container, named after its module"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAskThePathsAndPortTheServiceServes(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        r.all(Deployment.class).forEach(d -> {
            for (Container c : containers(d)) {
                ServiceSources service = ServiceSources.of(c.getName());
                int port = listeningPort(r, c, service);
                List<Integer> declared = c.getPorts().stream().map(ContainerPort::getContainerPort).toList();
                if (!declared.contains(port)) {
                    problems.add(c.getName() + " listens on " + port + " but declares ports " + declared);
                }
                Map<String, Probe> probes = new LinkedHashMap<>();
                probes.put("/q/health/started", c.getStartupProbe());
                probes.put("/q/health/live", c.getLivenessProbe());
                probes.put("/q/health/ready", c.getReadinessProbe());
                probes.forEach((path, probe) -> {
                    String which = c.getName() + " " + path.substring(path.lastIndexOf('/') + 1) + " probe";
                    if (probe == null || probe.getHttpGet() == null) {
                        problems.add(which + ": missing (an HTTP GET on " + path + ")");
                        return;
                    }
                    HTTPGetAction get = probe.getHttpGet();
                    if (!service.healthPaths().contains(get.getPath()) || !get.getPath().equals(path)) {
                        problems.add(which + ": path " + get.getPath() + ", the service serves " + path);
                    }
                    Optional<Integer> probed = resolve(c, get.getPort());
                    if (probed.isEmpty() || probed.get() != port) {
                        problems.add(which + ": port " + get.getPort().getValue() + " is not " + port
                                + ", where the service listens");
                    }
                });
            }
        });
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyVariableIsOneTheServiceReadsAndEverySettingItNeedsIsSet(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        r.all(Deployment.class).forEach(d -> {
            for (Container c : containers(d)) {
                ServiceSources service = ServiceSources.of(c.getName());
                Map<String, String> env = environment(r, c, problems);
                env.keySet().stream().filter(name -> !service.readsEnvironment().contains(name))
                        .forEach(name -> problems.add(c.getName() + " is given " + name + ", which it never reads"));
                service.mustBeSet().stream().filter(name -> !env.containsKey(name))
                        .forEach(name -> problems.add(c.getName() + " needs " + name
                                + " (its default points at localhost or it has none)"));
            }
        });
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerIsPinnedBoundedAndRunsAsNonRootOnAReadOnlyRoot(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        r.all(Deployment.class).forEach(d -> {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
                    .toList()) {
                String id = d.getMetadata().getName() + "/" + c.getName();
                if (c.getImage() == null || !PINNED.matcher(c.getImage()).matches()
                        || c.getImage().endsWith(":latest")) {
                    problems.add(id + ": image " + c.getImage() + " is not pinned (an exact version tag or a digest)");
                }
                ResourceRequirements res = c.getResources();
                for (String kind : List.of("cpu", "memory")) {
                    if (res == null || res.getRequests() == null || !res.getRequests().containsKey(kind)) {
                        problems.add(id + ": no " + kind + " request");
                    }
                    if (res == null || res.getLimits() == null || !res.getLimits().containsKey(kind)) {
                        problems.add(id + ": no " + kind + " limit");
                    }
                }
                SecurityContext sc = c.getSecurityContext();
                boolean nonRoot = (sc != null && Boolean.TRUE.equals(sc.getRunAsNonRoot()))
                        || (pod.getSecurityContext() != null
                                && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()));
                if (!nonRoot) {
                    problems.add(id + ": may run as root (runAsNonRoot is not true)");
                }
                if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    problems.add(id + ": root filesystem is writable (readOnlyRootFilesystem is not true)");
                }
                if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    problems.add(id + ": allowPrivilegeEscalation is not false");
                }
                boolean tmp = c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")
                        && pod.getVolumes().stream().filter(v -> v.getName().equals(m.getName()))
                                .map(Volume::getEmptyDir).anyMatch(Objects::nonNull));
                if (!tmp) {
                    problems.add(id + ": no emptyDir at /tmp (the JVM and Vert.x write there)");
                }
            }
        });
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesAutoscalersAndDisruptionBudgetsPointAtTheirDeployments(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        List<Map<String, String>> deploymentPods = r.all(Deployment.class)
                .map(d -> d.getSpec().getTemplate().getMetadata().getLabels()).toList();
        for (Service s : r.all(Service.class).toList()) {
            Optional<Deployment> target = r.all(Deployment.class)
                    .filter(d -> matches(s.getSpec().getSelector(),
                            d.getSpec().getTemplate().getMetadata().getLabels()))
                    .findFirst();
            if (target.isEmpty()) {
                problems.add("Service " + s.getMetadata().getName() + " selects no pod");
                continue;
            }
            Container c = containers(target.get()).get(0);
            s.getSpec().getPorts().stream().filter(p -> resolve(c, p.getTargetPort()).isEmpty())
                    .forEach(p -> problems.add("Service " + s.getMetadata().getName() + " targets port "
                            + p.getTargetPort().getValue() + ", which " + c.getName() + " does not declare"));
        }
        for (String module : ServiceSources.MODULES) {
            HorizontalPodAutoscaler hpa = r.named(HorizontalPodAutoscaler.class, module).orElse(null);
            if (hpa == null) {
                problems.add(module + " has no HorizontalPodAutoscaler");
            } else if (!hpa.getSpec().getScaleTargetRef().getName().equals(module)
                    || hpa.getSpec().getMinReplicas() > hpa.getSpec().getMaxReplicas()) {
                problems.add("HorizontalPodAutoscaler " + module + " scales another Deployment or min > max");
            } else {
                r.named(Deployment.class, module).map(d -> d.getSpec().getReplicas())
                        .filter(n -> n < hpa.getSpec().getMinReplicas() || n > hpa.getSpec().getMaxReplicas())
                        .ifPresent(n -> problems.add(module + ": " + n + " replicas, outside its autoscaler's "
                                + hpa.getSpec().getMinReplicas() + "–" + hpa.getSpec().getMaxReplicas()));
            }
            PodDisruptionBudget pdb = r.named(PodDisruptionBudget.class, module).orElse(null);
            if (pdb == null || deploymentPods.stream().noneMatch(l -> selects(pdb.getSpec().getSelector(), l))) {
                problems.add(module + " has no PodDisruptionBudget selecting its pods");
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyNetworkPolicySelectsPodsThatExist(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<Map<String, String>> pods = OperatorPods.all(r);
        List<String> problems = new ArrayList<>();
        for (NetworkPolicy np : r.all(NetworkPolicy.class).toList()) {
            String id = "NetworkPolicy " + np.getMetadata().getName();
            LabelSelector selector = np.getSpec().getPodSelector();
            boolean all = selector.getMatchLabels().isEmpty() && selector.getMatchExpressions().isEmpty();
            if (!all && pods.stream().noneMatch(p -> selects(selector, p))) {
                problems.add(id + " applies to no pod: " + selector.getMatchLabels());
            }
            np.getSpec().getIngress().forEach(rule -> rule.getFrom().stream()
                    .filter(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null)
                    .map(NetworkPolicyPeer::getPodSelector)
                    .filter(from -> pods.stream().noneMatch(p -> selects(from, p)))
                    .forEach(from -> problems.add(id + " admits pods that do not exist: " + from.getMatchLabels())));
        }
        // Strimzi writes the Kafka listeners' NetworkPolicy itself from networkPolicyPeers: without peers, anyone.
        r.custom("Kafka").forEach(k -> ((List<Map<String, Object>>) k.get("spec", "kafka", "listeners")).forEach(l -> {
            List<Map<String, Object>> peers = (List<Map<String, Object>>) l.get("networkPolicyPeers");
            if (peers == null || peers.isEmpty()) {
                problems.add("Kafka listener " + l.get("name") + " admits every pod (no networkPolicyPeers)");
                return;
            }
            peers.stream().filter(peer -> peer.get("podSelector") != null && peer.get("namespaceSelector") == null)
                    .map(peer -> JSON.convertValue(peer.get("podSelector"), LabelSelector.class))
                    .filter(from -> pods.stream().noneMatch(p -> selects(from, p)))
                    .forEach(from -> problems.add("Kafka listener " + l.get("name") + " admits pods that do not exist: "
                            + from.getMatchLabels()));
        }));
        assertTrue(r.all(NetworkPolicy.class).anyMatch(np -> np.getSpec().getPodSelector().getMatchLabels().isEmpty()),
                overlay + ": a default-deny NetworkPolicy");
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayIsReachableFromAnIngress(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<Ingress> ingresses = r.all(Ingress.class).toList();
        assertEquals(1, ingresses.size(), overlay + ": one Ingress");
        ingresses.get(0).getSpec().getRules().forEach(rule -> rule.getHttp().getPaths()
                .forEach(p -> assertEquals("api-gateway", p.getBackend().getService().getName(),
                        overlay + ": the Ingress leads to the gateway only")));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheCodeUsesHasItsKafkaTopic(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        String topicsClass = ServiceSources.read(Rendered.ROOT.resolve(
                "common/src/main/java/io/shikaku/common/event/Topics.java"));
        Set<String> used = TOPIC_CONSTANT.matcher(topicsClass).results().map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(used.isEmpty(), "common's Topics names no topic: the pattern of this test is out of date");
        String kafka = r.custom("Kafka").map(k -> k.getMetadata().getName()).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no Strimzi Kafka"));
        int brokers = r.custom("KafkaNodePool")
                .filter(p -> kafka.equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(p -> ((List<?>) p.get("spec", "roles")).contains("broker"))
                .mapToInt(p -> ((Number) p.get("spec", "replicas")).intValue()).sum();
        Map<String, GenericKubernetesResource> declared = new HashMap<>();
        r.custom("KafkaTopic").forEach(t -> declared.put(
                Optional.ofNullable((String) t.get("spec", "topicName")).orElse(t.getMetadata().getName()), t));
        List<String> problems = new ArrayList<>();
        for (String topic : used) {
            GenericKubernetesResource t = declared.get(topic);
            if (t == null) {
                problems.add("topic " + topic + " (common's Topics) has no KafkaTopic");
                continue;
            }
            if (!kafka.equals(t.getMetadata().getLabels().get("strimzi.io/cluster"))) {
                problems.add("KafkaTopic " + topic + " is not labelled strimzi.io/cluster=" + kafka);
            }
            int replicas = ((Number) t.get("spec", "replicas")).intValue();
            int minInSync = Integer.parseInt(String.valueOf((Object) t.get("spec", "config", "min.insync.replicas")));
            if (replicas > brokers || minInSync > replicas) {
                problems.add("KafkaTopic " + topic + ": " + replicas + " replicas, min.insync.replicas " + minInSync
                        + " on " + brokers + " brokers");
            }
            if (overlay.equals("production") && (replicas < 3 || minInSync < 2)) {
                problems.add("KafkaTopic " + topic + " in production: replicas 3 and min.insync.replicas 2 at least");
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretReferredToExistsIsMadeByAnOperatorOrIsOneTheReadmeSaysToCreate(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Set<String> available = r.all(Secret.class).map(s -> s.getMetadata().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        r.custom("Cluster").forEach(c -> available.add(c.getMetadata().getName() + "-app"));
        String readme = ServiceSources.read(Rendered.ROOT.resolve("k8s/README.md"));
        int table = readme.indexOf("### Secrets you create");
        assertTrue(table >= 0, "k8s/README.md has a section \"Secrets you create\"");
        Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(readme.substring(table)).results()
                .forEach(m -> available.add(m.group(1)));
        Set<String> referred = new TreeSet<>();
        r.all(Deployment.class).forEach(d -> {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            pod.getContainers().forEach(c -> {
                c.getEnv().stream().filter(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
                        .forEach(v -> referred.add(v.getValueFrom().getSecretKeyRef().getName()));
                c.getEnvFrom().stream().filter(f -> f.getSecretRef() != null)
                        .forEach(f -> referred.add(f.getSecretRef().getName()));
            });
            pod.getVolumes().stream().filter(v -> v.getSecret() != null)
                    .forEach(v -> referred.add(v.getSecret().getSecretName()));
        });
        r.all(Ingress.class).forEach(i -> i.getSpec().getTls().forEach(t -> referred.add(t.getSecretName())));
        for (int i = 0; i < r.objects.size(); i++) {
            if (r.objects.get(i) instanceof GenericKubernetesResource) {
                secretNames(r.raw.get(i), "", referred);
            }
        }
        Set<String> missing = new TreeSet<>(referred);
        missing.removeAll(available);
        assertEquals(Set.of(), missing,
                overlay + ": Secrets referred to that nothing makes (create them in the overlay,"
                        + " or list them in k8s/README.md's \"Secrets you create\")");
    }

    /** Secret names in an operator's object: {name, key} under a field named after a secret or credential. */
    private static void secretNames(JsonNode node, String field, Set<String> found) {
        if (node.isObject()) {
            boolean secretField = field.toLowerCase().contains("secret") || field.equals("accessKeyId");
            if (secretField && node.path("name").isTextual()) {
                found.add(node.path("name").asText());
            }
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && (e.getKey().equals("tlsSecret") || e.getKey().equals("secretName"))) {
                    found.add(e.getValue().asText());
                }
                secretNames(e.getValue(), e.getKey(), found);
            });
        } else if (node.isArray()) {
            node.forEach(item -> secretNames(item, field, found));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void tokensOfTheClustersKeycloakAreTheOnesTheServicesAccept(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        GenericKubernetesResource keycloak = r.custom("Keycloak").findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no Keycloak"));
        GenericKubernetesResource realmImport = r.custom("KeycloakRealmImport").findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no KeycloakRealmImport"));
        assertEquals(keycloak.getMetadata().getName(), realmImport.get("spec", "keycloakCRName"),
                overlay + ": the realm is imported into this Keycloak");
        Map<String, Object> placeholders = realmImport.get("spec", "placeholders");
        if (placeholders != null && !placeholders.isEmpty()) {
            assertTrue(JSON.valueToTree(keycloak).toString().contains("-Dkeycloak.migration.replace-placeholders=true"),
                    overlay + ": the realm import has placeholders " + placeholders.keySet()
                            + " but Keycloak does not replace them (keycloak.migration.replace-placeholders)");
        }
        String realm = realmImport.get("spec", "realm", "realm");
        Map<String, String> common = r.named(ConfigMap.class, "shikaku-common").orElseThrow().getData();
        assertEquals(keycloak.get("spec", "hostname", "hostname") + "/realms/" + realm,
                common.get("QUARKUS_OIDC_TOKEN_ISSUER"),
                overlay + ": the issuer the services expect is the one Keycloak writes into tokens (its hostname)");
        // the operator's Service: <name>-service, port 8080 when plain HTTP is enabled
        assertEquals("http://" + keycloak.getMetadata().getName() + "-service:8080/realms/" + realm,
                common.get("SHIKAKU_OIDC_URL"), overlay + ": discovery through the operator's Service");
        assertEquals(Boolean.TRUE, keycloak.get("spec", "http", "httpEnabled"), overlay + ": port 8080 is served");
        if (overlay.equals("production")) {
            String gateway = "https://" + r.all(Ingress.class).findFirst().orElseThrow().getSpec().getRules().get(0)
                    .getHost();
            List<Map<String, Object>> clients = realmImport.get("spec", "realm", "clients");
            clients.stream().filter(c -> c.get("redirectUris") != null)
                    .forEach(c -> ((List<String>) c.get("redirectUris")).forEach(uri -> assertTrue(
                            uri.startsWith(gateway + "/"), "production: " + c.get("clientId") + " redirects to "
                                    + uri + ", not to the gateway's host " + gateway)));
        }
    }

    private static List<Container> containers(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers();
    }

    /** The port the service listens on in this container: its port variable if set, else its default. */
    private static int listeningPort(Rendered r, Container c, ServiceSources service) {
        String set = environment(r, c, new ArrayList<>()).get(service.portVariable());
        return set == null ? service.defaultPort() : Integer.parseInt(set);
    }

    private static Optional<Integer> resolve(Container c, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        if (port.getIntVal() != null) {
            return c.getPorts().stream().map(ContainerPort::getContainerPort).filter(port.getIntVal()::equals)
                    .findFirst();
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst();
    }

    /**
     * A container's environment: env entries and every key of its envFrom ConfigMaps and Secrets (values of Secrets
     * and of references are given as "?"). A reference to a ConfigMap that is not rendered is a problem.
     */
    static Map<String, String> environment(Rendered r, Container c, List<String> problems) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                Optional<ConfigMap> cm = r.named(ConfigMap.class, name);
                if (cm.isEmpty()) {
                    problems.add(c.getName() + " reads ConfigMap " + name + ", which is not in the overlay");
                } else {
                    env.putAll(cm.get().getData());
                }
            }
            if (from.getSecretRef() != null) {
                r.named(Secret.class, from.getSecretRef().getName()).ifPresentOrElse(
                        s -> Stream.concat(Optional.ofNullable(s.getData()).orElse(Map.of()).keySet().stream(),
                                Optional.ofNullable(s.getStringData()).orElse(Map.of()).keySet().stream())
                                .forEach(k -> env.put(k, "?")),
                        () -> problems.add(c.getName() + " reads all of Secret " + from.getSecretRef().getName()
                                + ", which is not in the overlay: its keys cannot be checked"));
            }
        }
        for (EnvVar v : c.getEnv()) {
            env.put(v.getName(), v.getValue() != null ? v.getValue() : "?");
            if (v.getValueFrom() != null && v.getValueFrom().getConfigMapKeyRef() != null) {
                String name = v.getValueFrom().getConfigMapKeyRef().getName();
                if (r.named(ConfigMap.class, name).isEmpty()) {
                    problems.add(c.getName() + " reads ConfigMap " + name + ", which is not in the overlay");
                }
            }
        }
        return env;
    }

    static boolean matches(Map<String, String> wanted, Map<String, String> labels) {
        return wanted != null && !wanted.isEmpty() && labels != null
                && wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** Kubernetes' label selector semantics (matchLabels and the four operators of matchExpressions). */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> l = labels == null ? Map.of() : labels;
        boolean byLabels = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).entrySet().stream()
                .allMatch(e -> e.getValue().equals(l.get(e.getKey())));
        boolean byExpressions = Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).stream()
                .allMatch(e -> matches(e, l));
        return byLabels && byExpressions;
    }

    private static boolean matches(LabelSelectorRequirement e, Map<String, String> labels) {
        String value = labels.get(e.getKey());
        return switch (e.getOperator()) {
            case "In" -> value != null && e.getValues().contains(value);
            case "NotIn" -> value == null || !e.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> fail("unknown selector operator " + e.getOperator());
        };
    }
}
