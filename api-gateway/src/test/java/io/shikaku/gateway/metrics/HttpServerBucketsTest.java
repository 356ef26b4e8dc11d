package io.shikaku.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

class HttpServerBucketsTest {

    @Test
    void onlyTheHttpServerTimerPublishesTheGivenBucketsAndInf() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(HttpServerBuckets.filter(List.of(Duration.ofSeconds(1), Duration.ofMillis(25))));
        Timer.builder(HttpServerBuckets.HTTP_SERVER_REQUESTS).publishPercentileHistogram().register(registry)
                .record(Duration.ofMillis(30));
        Timer.builder("other").register(registry).record(Duration.ofMillis(30));

        List<String> buckets = registry.scrape().lines().filter(l -> l.contains("_bucket{")).toList();
        assertEquals(List.of("0.025 0.0", "1.0 1.0", "+Inf 1.0"),
                buckets.stream().map(l -> l.replaceAll(".*le=\"([^\"]*)\".*} (\\S+)$", "$1 $2")).toList(),
                String.join("\n", buckets));
        buckets.forEach(l -> assertEquals(true, l.startsWith("http_server_requests_seconds_bucket{"), l));
    }
}
