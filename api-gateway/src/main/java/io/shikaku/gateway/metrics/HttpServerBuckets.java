package io.shikaku.gateway.metrics;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Gives Quarkus' HTTP server timer ({@code http.server.requests}) fixed histogram buckets
 * ({@code shikaku.metrics.http-server-buckets}), so that dashboards and alerts take the gateway's latency percentiles
 * from {@code http_server_requests_seconds_bucket}; no other timer gets any. The services' is common's filter of the
 * same name (the gateway does not depend on common); PublishedMetricsTest keeps both bucket lists equal.
 */
@Singleton
public class HttpServerBuckets {

    /** The timer Quarkus' HTTP server binder records every request in. */
    public static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter httpServerBuckets(
            @ConfigProperty(name = "shikaku.metrics.http-server-buckets") List<Duration> buckets) {
        return filter(buckets);
    }

    /** A filter whose buckets' upper bounds are {@code buckets} (in any order; {@code +Inf} is always added). */
    public static MeterFilter filter(List<Duration> buckets) {
        if (buckets.isEmpty()) {
            throw new IllegalArgumentException("At least one bucket boundary is needed");
        }
        double[] nanos = buckets.stream().mapToDouble(Duration::toNanos).sorted().distinct().toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || !HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(false)
                        .serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
