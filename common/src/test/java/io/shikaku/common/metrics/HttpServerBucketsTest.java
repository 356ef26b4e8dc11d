package io.shikaku.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

class HttpServerBucketsTest {

    private static final List<Duration> BUCKETS = List.of(Duration.ofMillis(100), Duration.ofMillis(5),
            Duration.ofSeconds(1));

    @Test
    void theHttpServerTimerPublishesOneCumulativeBucketPerBoundaryAndInf() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(HttpServerBuckets.of(BUCKETS));
        Timer timer = Timer.builder(HttpServerBuckets.HTTP_SERVER_REQUESTS).tag("uri", "/api/v1/x").register(registry);
        timer.record(Duration.ofMillis(3));
        timer.record(Duration.ofMillis(50));
        timer.record(Duration.ofSeconds(2));

        List<String> buckets = registry.scrape().lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_bucket{")).toList();
        assertEquals(4, buckets.size(), String.join("\n", buckets));
        assertBucket(buckets, "0.005", 1);
        assertBucket(buckets, "0.1", 2);
        assertBucket(buckets, "1.0", 2);
        assertBucket(buckets, "+Inf", 3);
    }

    @Test
    void otherTimersGetNoBuckets() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(HttpServerBuckets.of(BUCKETS));
        Timer pool = Timer.builder("sql.pool.usage").register(registry);
        pool.record(Duration.ofMillis(3));
        assertEquals(0, pool.takeSnapshot().histogramCounts().length);

        Timer http = Timer.builder(HttpServerBuckets.HTTP_SERVER_REQUESTS).register(registry);
        http.record(Duration.ofMillis(3));
        double[] bounds = Arrays.stream(http.takeSnapshot().histogramCounts()).mapToDouble(CountAtBucket::bucket)
                .toArray();
        assertEquals(List.of(5e6, 1e8, 1e9), Arrays.stream(bounds).boxed().toList());
    }

    @Test
    void percentilesHistogramStaysOffSoTheBucketsAreOnlyTheGivenOnes() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(HttpServerBuckets.of(BUCKETS));
        Timer.builder(HttpServerBuckets.HTTP_SERVER_REQUESTS).publishPercentileHistogram().register(registry)
                .record(Duration.ofMillis(1));
        long buckets = registry.scrape().lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket"))
                .count();
        assertEquals(4, buckets);
    }

    @Test
    void noBoundaryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HttpServerBuckets.of(List.of()));
    }

    private static void assertBucket(List<String> lines, String le, double count) {
        String line = lines.stream().filter(l -> l.contains("le=\"" + le + "\"")).findFirst().orElse(null);
        assertFalse(line == null, "no bucket le=" + le + " in " + lines);
        assertTrue(line.endsWith(" " + count), line);
    }
}
