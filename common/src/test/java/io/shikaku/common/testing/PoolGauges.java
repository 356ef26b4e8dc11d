package io.shikaku.common.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reactive SQL pool's gauges as a service publishes them on {@code /q/metrics} (Vert.x pool metrics). */
public record PoolGauges(double active, double waiting) {

    private static final Pattern ACTIVE = Pattern
            .compile("(?m)^sql_pool_active\\{[^}]*pool_type=\"sql\"[^}]*} (\\S+)$");
    private static final Pattern WAITING = Pattern
            .compile("(?m)^sql_pool_queue_size\\{[^}]*pool_type=\"sql\"[^}]*} (\\S+)$");

    /** Reads the gauges from a Prometheus text exposition; fails if the service does not publish them. */
    public static PoolGauges of(String prometheusText) {
        return new PoolGauges(value(ACTIVE, prometheusText, "sql_pool_active"),
                value(WAITING, prometheusText, "sql_pool_queue_size"));
    }

    /**
     * Reads {@code metrics} until the pool is idle (nothing in use, nobody waiting) or {@code patience} has passed;
     * the last reading, for the caller to assert on. A bound against a hang, not a measure of speed.
     */
    public static PoolGauges awaitIdle(Supplier<String> metrics, Duration patience) throws InterruptedException {
        Instant giveUp = Instant.now().plus(patience);
        PoolGauges gauges = of(metrics.get());
        while (!gauges.idle() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
            gauges = of(metrics.get());
        }
        return gauges;
    }

    public boolean idle() {
        return active == 0 && waiting == 0;
    }

    private static double value(Pattern gauge, String text, String name) {
        Matcher m = gauge.matcher(text);
        if (!m.find()) {
            throw new AssertionError("The service publishes no " + name + " gauge");
        }
        return Double.parseDouble(m.group(1));
    }
}
