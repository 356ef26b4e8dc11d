package io.shikaku.common.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.shikaku.common.testing.probe.ProbeResource;

/**
 * The Kubernetes dashboards and alerts may name only the metrics in {@code k8s/metrics/<module>.txt} (k8s's
 * MonitoringTest): this keeps a module's list true, so that a renamed metric fails in the module's own tests instead
 * of leaving a panel empty and an alert silent. A module's test extends this with {@code @QuarkusTest}.
 */
public abstract class PublishedMetricsContract {

    private static final Path COMMON_CONFIG = Path.of("..", "common", "src", "main", "resources", "META-INF",
            "microprofile-config.properties");
    private static final String BUCKETS = "shikaku.metrics.http-server-buckets";
    private static final String FACILITY = "0110113719";

    /** The module's name, which names its list. */
    protected abstract String module();

    /** Listed names registered only when they first count something, which a test run need not provoke. */
    protected Set<String> onFirstUse() {
        return Set.of();
    }

    /**
     * Requests that make the HTTP server timers and the token cache's counters exist: a clinic reading its own facility
     * through the test kit's probe endpoint.
     */
    protected void exercise() {
        given().auth().oauth2(Tokens.clinic(FACILITY)).get(ProbeResource.PATH + "/facilities/" + FACILITY).then()
                .statusCode(200);
    }

    protected Path list() {
        return Path.of("..", "k8s", "metrics", module() + ".txt");
    }

    /** The names in a list: one a line, {@code #} comments and blank lines left out. */
    public static Set<String> names(Path list) throws IOException {
        return Files.readAllLines(list).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The metric names of a Prometheus text exposition. */
    public static Set<String> published(String exposition) {
        return exposition.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());
    }

    @Test
    void everyMetricTheDashboardsAndAlertsMayNameIsPublished() throws Exception {
        Set<String> listed = names(list());
        assertFalse(listed.isEmpty(), list() + " lists no metric");
        listed.removeAll(onFirstUse());
        exercise();
        // the Kafka consumers' gauges come once they have joined, a gauge fed by a scheduled read after it
        Set<String> missing = new TreeSet<>(listed);
        for (int attempt = 0; attempt < 60 && !missing.isEmpty(); attempt++) {
            missing.removeAll(published(given().get("/q/metrics").then().statusCode(200).extract().asString()));
            if (!missing.isEmpty()) {
                Thread.sleep(500);
            }
        }
        // what the module publishes, for whoever adds a name to the list
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "published-metrics.txt"),
                new TreeSet<>(published(given().get("/q/metrics").then().extract().asString())));
        assertEquals(Set.of(), missing, "listed in " + list() + " but not published at /q/metrics");
    }

    /**
     * The HTTP server timer has exactly the buckets common's configuration names (the gateway, which does not use
     * common, keeps its own copy of the list: this is where the two are held equal).
     */
    @Test
    void requestTimesArePublishedWithTheSharedLatencyBuckets() throws IOException {
        exercise();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> bounds = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket{"))
                .map(l -> l.replaceAll(".*le=\"([^\"]*)\".*", "$1")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(sharedBuckets(), bounds, "the buckets of http.server.requests");
    }

    /** The {@code le} labels of common's {@code shikaku.metrics.http-server-buckets}, {@code +Inf} included. */
    static Set<String> sharedBuckets() throws IOException {
        Properties config = new Properties();
        try (var in = Files.newInputStream(COMMON_CONFIG)) {
            config.load(in);
        }
        Set<String> le = new TreeSet<>(Set.of("+Inf"));
        for (String bound : config.getProperty(BUCKETS).split(",")) {
            String b = bound.strip();
            double seconds = b.endsWith("ms")
                    ? Double.parseDouble(b.substring(0, b.length() - 2)) / 1000
                    : Double.parseDouble(b.substring(0, b.length() - 1));
            le.add(Double.toString(seconds));
        }
        return le;
    }
}
