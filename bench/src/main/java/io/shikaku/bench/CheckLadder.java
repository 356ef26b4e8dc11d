package io.shikaku.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

/**
 * Recorded card-number checks at stepped constant arrival rates against one entry point (the gateway or the service
 * itself), each step a warm-up and a measured window, until a step misses p99 ≤ 25 ms or has an error.
 */
final class CheckLadder {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OpenLoopDriver driver;
    private final ClinicTokens tokens;
    private final Components components;
    private final BenchSettings settings;
    private final long persons;

    CheckLadder(OpenLoopDriver driver, ClinicTokens tokens, Components components, BenchSettings settings,
            long persons) {
        this.driver = driver;
        this.tokens = tokens;
        this.components = components;
        this.settings = settings;
        this.persons = persons;
    }

    /** The body of check {@code i}: a random card of the data set, as a clinic system sends it. */
    interface Body {
        String of(SplittableRandom random, LocalDate visitDate);
    }

    /** Card-number checks of random persons of the data set. */
    Body cardNumbers() {
        return (random, visitDate) -> BenchCard.of(random.nextLong(persons)).checkBody(visitDate);
    }

    List<StepResult> climb(String target, String baseUrl) throws InterruptedException {
        return climb(target, baseUrl, settings.rates(), cardNumbers());
    }

    /**
     * Warms the path up (JIT, pools, caches) at one moderate rate, the whole phase measured and reported on its own,
     * never as a step of a ladder.
     */
    StepResult warmUp(String target, String baseUrl, int rate, int seconds, Body body) throws InterruptedException {
        return step(target, URI.create(baseUrl + "/api/v1/eligibility/checks"), rate, 0, seconds, body);
    }

    List<StepResult> climb(String target, String baseUrl, List<Integer> rates, Body body)
            throws InterruptedException {
        URI checks = URI.create(baseUrl + "/api/v1/eligibility/checks");
        List<StepResult> steps = new ArrayList<>();
        for (int rate : rates) {
            StepResult step = step(target, checks, rate, settings.warmUpSeconds(), settings.measuredSeconds(), body);
            steps.add(step);
            if (RateSelection.stopAfter(step, RateSelection.P99_LIMIT_MS)) {
                break;
            }
        }
        return steps;
    }

    private StepResult step(String target, URI checks, int rate, int warmUpSeconds, int measuredSeconds, Body body)
            throws InterruptedException {
        LocalDate visitDate = LocalDate.now(BenchFacilities.JAPAN);
        SplittableRandom random = new SplittableRandom(rate);
        // CPU snapshots read /proc on threads of their own, so the schedule never waits for them
        AtomicReference<CompletableFuture<Map<String, Long>>> before = new AtomicReference<>();
        AtomicReference<CompletableFuture<Map<String, Long>>> after = new AtomicReference<>();
        OpenLoopDriver.Window w = driver.run(rate, TimeUnit.SECONDS.toNanos(warmUpSeconds),
                TimeUnit.SECONDS.toNanos(measuredSeconds), TIMEOUT.toNanos(), i -> {
                    int client = random.nextInt(tokens.size());
                    return HttpRequest.newBuilder(checks).timeout(TIMEOUT)
                            .header("Authorization", "Bearer " + tokens.token(client))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.of(random, visitDate)))
                            .build();
                }, () -> before.set(CompletableFuture.supplyAsync(components::cpuMillis)),
                () -> after.set(CompletableFuture.supplyAsync(components::cpuMillis)));
        Histogram h = w.latencies();
        StepResult step = new StepResult(target, rate, w.requests(), w.errors(), w.errorsByKind(),
                w.achievedPerSecond(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
                Components.spentPer(before.get().join(), after.get().join(), w.requests() - w.errors()),
                w.answeredOkInAll());
        Bench.log("  %s %5d/s: achieved %.0f/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, errors %d %s", target,
                rate, step.achievedPerSecond(), step.p50Ms(), step.p99Ms(), step.p999Ms(), step.errors(),
                step.errorsByKind().isEmpty() ? "" : step.errorsByKind());
        return step;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
