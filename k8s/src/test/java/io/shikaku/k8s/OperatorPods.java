package io.shikaku.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The labels of every pod an overlay makes: its Deployments' templates, and the pods the operators make from their
 * custom resources, with the labels each pinned operator version puts on them (Strimzi 0.48, CloudNativePG 1.26,
 * Keycloak 26.4), so that a NetworkPolicy can be checked to select something.
 */
final class OperatorPods {

    private OperatorPods() {
    }

    static List<Map<String, String>> all(Rendered r) {
        List<Map<String, String>> pods = new ArrayList<>();
        r.all(Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate().getMetadata().getLabels()));
        r.custom("Kafka").forEach(k -> {
            String name = k.getMetadata().getName();
            r.custom("KafkaNodePool").filter(p -> name.equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                    .forEach(p -> pods.add(Map.of("strimzi.io/cluster", name, "strimzi.io/kind", "Kafka",
                            "strimzi.io/name", name + "-kafka", "strimzi.io/pool-name", p.getMetadata().getName(),
                            "app.kubernetes.io/name", "kafka")));
            pods.add(Map.of("strimzi.io/cluster", name, "strimzi.io/kind", "Kafka", "strimzi.io/name",
                    name + "-entity-operator"));
            pods.add(Map.of("strimzi.io/cluster", name, "strimzi.io/kind", "Kafka", "strimzi.io/name",
                    name + "-kafka-exporter"));
        });
        r.custom("Cluster").map(GenericKubernetesResource::getMetadata)
                .forEach(c -> pods.add(Map.of("cnpg.io/cluster", c.getName(), "cnpg.io/podRole", "instance")));
        r.custom("Keycloak").map(GenericKubernetesResource::getMetadata)
                .forEach(k -> {
                    pods.add(Map.of("app", "keycloak", "app.kubernetes.io/instance", k.getName(),
                            "app.kubernetes.io/managed-by", "keycloak-operator"));
                    // the realm import Job's pod: the server's template with app relabelled
                    pods.add(Map.of("app", "keycloak-realm-import", "app.kubernetes.io/instance", k.getName(),
                            "app.kubernetes.io/managed-by", "keycloak-operator"));
                });
        return pods;
    }
}
