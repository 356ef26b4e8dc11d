package io.shikaku.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;

/**
 * Dashboards and alerts that name a metric nobody publishes stay empty and silent: every metric they name is one the
 * services published in a scrape (k8s/metrics/), one the outbox queries define, or one of the operators' listed ones;
 * and Prometheus really scrapes every service.
 */
@SuppressWarnings("unchecked")
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** PromQL's functions, aggregations and keywords: identifiers that are no metric. */
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "rate", "irate",
            "increase", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool",
            "offset", "histogram_quantile", "topk", "bottomk", "abs", "clamp_min", "clamp_max", "delta", "deriv",
            "absent", "vector", "scalar", "time", "quantile", "stddev", "label_replace", "max_over_time",
            "min_over_time", "avg_over_time", "humanizePercentage", "humanizeDuration", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern SERVICE = Pattern.compile("\\bservice\\s*=~?\\s*\"([^\"]*)\"");

    static List<String> overlays() {
        return Rendered.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceIsScrapedOnItsMetricsPath(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<GenericKubernetesResource> monitors = r.custom("ServiceMonitor").toList();
        Set<String> scraped = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (GenericKubernetesResource monitor : monitors) {
            LabelSelector selector = JSON.convertValue(monitor.get("spec", "selector"), LabelSelector.class);
            List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
            for (Service s : r.all(Service.class).filter(s -> ManifestsTest.selects(selector, s.getMetadata()
                    .getLabels())).toList()) {
                for (Map<String, Object> endpoint : endpoints) {
                    boolean port = s.getSpec().getPorts().stream().map(ServicePort::getName)
                            .anyMatch(endpoint.get("port")::equals);
                    if (!port || !"/q/metrics".equals(endpoint.get("path"))) {
                        problems.add("ServiceMonitor " + monitor.getMetadata().getName() + " scrapes "
                                + s.getMetadata().getName() + " on port " + endpoint.get("port") + " path "
                                + endpoint.get("path") + ": the service serves /q/metrics on its port");
                    } else {
                        scraped.add(s.getMetadata().getName());
                    }
                }
            }
        }
        assertEquals(List.of(), problems, overlay);
        assertEquals(new TreeSet<>(ServiceSources.MODULES), scraped, overlay + ": every service is scraped");
        List<Map<String, String>> pods = OperatorPods.all(r);
        r.custom("PodMonitor").forEach(pm -> assertTrue(pods.stream().anyMatch(p -> ManifestsTest.selects(
                JSON.convertValue(pm.get("spec", "selector"), LabelSelector.class), p)),
                overlay + ": PodMonitor " + pm.getMetadata().getName() + " selects no pod"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void dashboardsAndAlertsNameOnlyMetricsThatArePublished(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Set<String> known = knownMetrics(r);
        Map<String, String> expressions = new java.util.LinkedHashMap<>();
        r.custom("PrometheusRule").forEach(rule -> {
            List<Map<String, Object>> groups = rule.get("spec", "groups");
            groups.forEach(g -> ((List<Map<String, Object>>) g.get("rules"))
                    .forEach(a -> expressions.put("alert " + a.get("alert"), String.valueOf(a.get("expr")))));
        });
        dashboards(r).forEach((name, dashboard) -> dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(t -> expressions.put("dashboard " + name + " panel '" + panel.path("title").asText()
                        + "' target " + t.path("refId").asText(), t.path("expr").asText()))));
        assertFalse(expressions.isEmpty(), overlay + ": no alert or dashboard expression found");
        Map<String, Set<String>> byService = serviceLists();
        Set<String> servicesPublish = byService.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        expressions.forEach((where, expr) -> {
            metricNames(expr).stream().filter(m -> !known.contains(m))
                    .forEach(m -> problems.add(where + " names " + m + ", which nothing publishes"));
            selectedServices(expr).forEach((metric, services) -> services.stream()
                    .filter(service -> servicesPublish.contains(metric) && !byService.getOrDefault(service, Set.of())
                            .contains(metric))
                    .forEach(service -> problems.add(where + " reads " + metric + " of " + service
                            + ", which k8s/metrics/" + service + ".txt does not list")));
        });
        assertEquals(List.of(), problems, overlay);
    }

    @Test
    void everyServiceHasTheListOfWhatItPublishesWithItsLatencyBuckets() {
        Map<String, Set<String>> lists = serviceLists();
        for (String module : ServiceSources.MODULES) {
            assertTrue(lists.containsKey(module), "k8s/metrics/" + module + ".txt (its PublishedMetricsTest keeps it)");
            assertTrue(lists.get(module).contains("http_server_requests_seconds_bucket"),
                    module + ": the request timer's buckets, which the latency panels and alerts read");
        }
    }

    @Test
    void aMetricReadOfOneServiceIsTakenFromItsSelector() {
        assertEquals(Map.of("a_total", Set.of("api-gateway"), "b_bucket", Set.of("x-service", "y-service")),
                selectedServices("sum(rate(a_total{namespace=\"shikaku\", service=\"api-gateway\"}[5m])) / "
                        + "histogram_quantile(0.99, sum by (le) (rate(b_bucket{service=~\"x-service|y-service\"}[5m])))"
                        + " + c_total{service!=\"z\"}"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void dashboardsReachTheGrafanaSidecarAndAlertsCoverWhatOperatorsMustActOn(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        assertFalse(dashboards(r).isEmpty(), overlay + ": Grafana dashboards labelled grafana_dashboard=1");
        Set<String> alerts = r.custom("PrometheusRule")
                .flatMap(rule -> ((List<Map<String, Object>>) rule.get("spec", "groups")).stream())
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
                .map(a -> String.valueOf(a.get("alert"))).collect(Collectors.toSet());
        Set<String> wanted = Set.of("ShikakuServiceNotReady", "ShikakuErrorRateHigh", "ShikakuLatencyHigh",
                "ShikakuCheckLatencyHigh", "ShikakuConsumerLagging", "ShikakuOutboxNotDraining");
        assertTrue(alerts.containsAll(wanted), overlay + ": alerts " + wanted + ", found " + alerts);
    }

    @Test
    void metricNamesAreTakenFromExpressionsWithoutLabelsOrFunctions() {
        assertEquals(Set.of("a_total", "b_seconds_count"), metricNames(
                "sum by (service) (rate(a_total{x=\"y\", uri!~\"/q/.*\"}[5m])) / on(service) b_seconds_count > 0.1"));
    }

    /** The metric names in a PromQL expression: identifiers outside label matchers, groupings and calls. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String id = m.group();
            int after = m.end();
            while (after < bare.length() && bare.charAt(after) == ' ') {
                after++;
            }
            boolean call = after < bare.length() && bare.charAt(after) == '(';
            boolean number = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!call && !number && !PROMQL_WORDS.contains(id) && !id.matches("\\d.*|[smhdwy]")) {
                names.add(id);
            }
        }
        return names;
    }

    /**
     * The services each metric is read of, where the expression names them: {@code service="name"} or
     * {@code service=~"a|b"} in the metric's selector.
     */
    static Map<String, Set<String>> selectedServices(String expr) {
        Map<String, Set<String>> selected = new java.util.TreeMap<>();
        Matcher m = SELECTOR.matcher(expr);
        while (m.find()) {
            Matcher service = SERVICE.matcher(m.group(2));
            while (service.find()) {
                for (String name : service.group(1).split("\\|")) {
                    if (name.matches("[a-z][a-z0-9-]*")) {
                        selected.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(name);
                    }
                }
            }
        }
        return selected;
    }

    /** Each service's published names, from k8s/metrics/<module>.txt. */
    private static Map<String, Set<String>> serviceLists() {
        Map<String, Set<String>> lists = new java.util.TreeMap<>();
        for (String module : ServiceSources.MODULES) {
            Path list = Rendered.ROOT.resolve("k8s/metrics/" + module + ".txt");
            if (Files.exists(list)) {
                lists.put(module, ServiceSources.read(list).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet()));
            }
        }
        return lists;
    }

    private static Map<String, JsonNode> dashboards(Rendered r) {
        Map<String, JsonNode> found = new java.util.LinkedHashMap<>();
        r.all(ConfigMap.class).filter(cm -> "1".equals(cm.getMetadata().getLabels().get("grafana_dashboard")))
                .forEach(cm -> cm.getData().forEach((file, text) -> {
                    try {
                        found.put(file, JSON.readTree(text));
                    } catch (IOException e) {
                        throw new AssertionError("dashboard " + file + " is not JSON: " + e.getMessage());
                    }
                }));
        return found;
    }

    /**
     * The services' scraped names, the outbox queries' metrics (cnpg_<query>_<column>) and the operators' list; a
     * service's own metric read of one named service must also be in that service's list.
     */
    private static Set<String> knownMetrics(Rendered r) {
        Set<String> known = new TreeSet<>();
        try (Stream<Path> lists = Files.list(Rendered.ROOT.resolve("k8s/metrics"))) {
            lists.filter(f -> f.toString().endsWith(".txt")).forEach(f -> ServiceSources.read(f).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(known::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        r.named(ConfigMap.class, "outbox-queries").ifPresent(cm -> cm.getData().values().forEach(text -> {
            try {
                YAML.readTree(text).fields().forEachRemaining(query -> query.getValue().path("metrics")
                        .forEach(metric -> metric.fieldNames().forEachRemaining(column -> {
                            if (!"LABEL".equals(metric.path(column).path("usage").asText())) {
                                known.add("cnpg_" + query.getKey() + "_" + column);
                            }
                        })));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        return known;
    }
}
