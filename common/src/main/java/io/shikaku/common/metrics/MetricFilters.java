package io.shikaku.common.metrics;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.config.MeterFilter;

/** The Micrometer filters every service applies to its registry (Quarkus applies each {@link MeterFilter} bean). */
@Singleton
public class MetricFilters {

    /** Latency buckets of the HTTP server timer: {@code shikaku.metrics.http-server-buckets}. */
    @Produces
    @Singleton
    MeterFilter httpServerBuckets(
            @ConfigProperty(name = "shikaku.metrics.http-server-buckets") List<Duration> buckets) {
        return HttpServerBuckets.of(buckets);
    }
}
