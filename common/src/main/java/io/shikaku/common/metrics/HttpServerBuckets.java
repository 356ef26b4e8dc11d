package io.shikaku.common.metrics;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Gives Quarkus' HTTP server timer ({@code http.server.requests}) a dozen fixed histogram buckets, so that dashboards
 * and alerts compute latency percentiles ({@code histogram_quantile} over {@code http_server_requests_seconds_bucket})
 * rather than only the mean and max; no other timer gets any, and never Micrometer's ~70 percentile buckets.
 */
public final class HttpServerBuckets implements MeterFilter {

    /** The timer Quarkus' HTTP server binder records every request in. */
    public static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    private final double[] nanos;

    private HttpServerBuckets(List<Duration> buckets) {
        if (buckets.isEmpty()) {
            throw new IllegalArgumentException("At least one bucket boundary is needed");
        }
        this.nanos = buckets.stream().mapToDouble(Duration::toNanos).sorted().distinct().toArray();
    }

    /** A filter whose buckets' upper bounds are {@code buckets} (in any order; {@code +Inf} is always added). */
    public static MeterFilter of(List<Duration> buckets) {
        return new HttpServerBuckets(buckets);
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !HTTP_SERVER_REQUESTS.equals(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder().percentilesHistogram(false).serviceLevelObjectives(nanos)
                .build().merge(config);
    }
}
