package io.shikaku.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends requests at a constant arrival rate whatever the answers do (open loop): each request has an intended start
 * fixed in advance ({@link OpenLoopSchedule}), its latency runs from that instant to the answer, and one that leaves
 * late still counts from when it should have left. A warm-up precedes the measured window; only requests meant to start
 * inside the window are recorded.
 */
final class OpenLoopDriver {

    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final HttpClient client;

    OpenLoopDriver(HttpClient client) {
        this.client = client;
    }

    /** What a measured window gave, before the CPU figures are added. */
    record Window(long requests, long errors, Map<String, Long> errorsByKind, double achievedPerSecond,
            Histogram latencies, long answeredOkInAll) {
    }

    /**
     * Runs one step; {@code requests} builds request {@code i}; {@code onWindowOpen} and {@code onWindowClose} fire
     * when the first and after the last request of the measured window is sent (CPU snapshots).
     */
    Window run(int perSecond, long warmUpNanos, long measuredNanos, long timeoutNanos,
            LongFunction<HttpRequest> requests, Runnable onWindowOpen, Runnable onWindowClose)
            throws InterruptedException {
        return run(perSecond, warmUpNanos, measuredNanos, timeoutNanos, requests, onWindowOpen, onWindowClose,
                answeredAt -> {
                });
    }

    /** As above; {@code onAnswered} receives the instant ({@link System#nanoTime()}) of each measured 200 answer. */
    Window run(int perSecond, long warmUpNanos, long measuredNanos, long timeoutNanos,
            LongFunction<HttpRequest> requests, Runnable onWindowOpen, Runnable onWindowClose,
            LongConsumer onAnswered) throws InterruptedException {
        OpenLoopSchedule schedule = new OpenLoopSchedule(System.nanoTime() + 20_000_000L, perSecond);
        long windowStart = schedule.startNanos() + warmUpNanos;
        long windowEnd = windowStart + measuredNanos;
        long total = schedule.countWithin(warmUpNanos + measuredNanos);
        Histogram latencies = new ConcurrentHistogram(HIGHEST_NANOS, 3);
        LongAdder recorded = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder completedInWindow = new LongAdder();
        LongAdder outstanding = new LongAdder();
        LongAdder answeredOk = new LongAdder();
        Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
        boolean windowOpened = false;
        for (long i = 0; i < total; i++) {
            long intended = schedule.intendedStart(i);
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
            }
            if (!windowOpened && intended >= windowStart) {
                windowOpened = true;
                onWindowOpen.run();
            }
            boolean measured = intended >= windowStart && intended < windowEnd;
            outstanding.increment();
            client.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        long end = System.nanoTime();
                        if (failure == null && response.statusCode() == 200) {
                            answeredOk.increment();
                        }
                        if (end >= windowStart && end < windowEnd) {
                            completedInWindow.increment();
                        }
                        if (measured) {
                            latencies.recordValue(Math.min(end - intended, HIGHEST_NANOS));
                            recorded.increment();
                            String kind = failure != null
                                    ? failure.getClass().getSimpleName()
                                    : response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
                            if (kind != null) {
                                errors.increment();
                                kinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
                            } else {
                                onAnswered.accept(end);
                            }
                        }
                        outstanding.decrement();
                    });
        }
        onWindowClose.run();
        long deadline = System.nanoTime() + timeoutNanos + TimeUnit.SECONDS.toNanos(2);
        while (outstanding.sum() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long lost = outstanding.sum();
        Map<String, Long> byKind = new TreeMap<>();
        kinds.forEach((k, v) -> byKind.put(k, v.sum()));
        if (lost > 0) {
            byKind.put("no answer", lost);
        }
        return new Window(recorded.sum() + lost, errors.sum() + lost, byKind,
                completedInWindow.sum() / (measuredNanos / 1e9), latencies, answeredOk.sum());
    }
}
