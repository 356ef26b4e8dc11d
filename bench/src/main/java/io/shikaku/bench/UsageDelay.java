package io.shikaku.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * How long a recorded check takes to be counted in the usage statistics (check → CheckRecorded through the outbox and
 * Kafka → the facility registry's usage count): checks at one constant rate while today's count is polled; the k-th
 * check answered is taken as counted when the count first grows by k (the suite's topic keeps one order), so each
 * delay is known to within one poll.
 */
final class UsageDelay {

    /** The delays of one run, and whether every answered check was counted within the wait. */
    record Result(int perSecond, long checks, long counted, double p50Ms, double p99Ms, double maxMs,
            double pollMs) {
    }

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Http http;
    private final OpenLoopDriver driver;
    private final ClinicTokens tokens;
    private final BenchSettings settings;
    private final long persons;

    UsageDelay(Http http, OpenLoopDriver driver, ClinicTokens tokens, BenchSettings settings, long persons) {
        this.http = http;
        this.driver = driver;
        this.tokens = tokens;
        this.settings = settings;
        this.persons = persons;
    }

    Result measure(String adminToken, int perSecond, int seconds, int waitSeconds) throws Exception {
        LocalDate today = LocalDate.now(BenchFacilities.JAPAN);
        long before = settled(adminToken, today);
        ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
        List<long[]> polls = Collections.synchronizedList(new ArrayList<>());
        Thread poller = new Thread(() -> poll(adminToken, today, polls), "usage-poller");
        poller.setDaemon(true);
        poller.start();
        URI checks = URI.create(settings.gatewayUrl() + "/api/v1/eligibility/checks");
        SplittableRandom random = new SplittableRandom(42);
        driver.run(perSecond, 0, TimeUnit.SECONDS.toNanos(seconds), TIMEOUT.toNanos(), i -> {
            int client = random.nextInt(tokens.size());
            return HttpRequest.newBuilder(checks).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + tokens.token(client))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BenchCard.of(random.nextLong(persons)).checkBody(today)))
                    .build();
        }, () -> {
        }, () -> {
        }, answered::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        while (lastCount(polls) - before < answered.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        poller.interrupt();
        poller.join();
        List<Long> times = new ArrayList<>(answered);
        Collections.sort(times);
        Histogram delays = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
        long counted = 0;
        synchronized (polls) {
            int p = 0;
            for (int k = 0; k < times.size(); k++) {
                while (p < polls.size() && polls.get(p)[1] - before < k + 1) {
                    p++;
                }
                if (p == polls.size()) {
                    break;
                }
                delays.recordValue(Math.max(0, polls.get(p)[0] - times.get(k)));
                counted++;
            }
        }
        return new Result(perSecond, times.size(), counted, delays.getValueAtPercentile(50) / 1e6,
                delays.getValueAtPercentile(99) / 1e6, delays.getMaxValue() / 1e6, POLL_NANOS / 1e6);
    }

    /** Today's count once it has stopped moving (earlier load has been counted), so the run starts from rest. */
    private long settled(String adminToken, LocalDate today) throws Exception {
        long last = -1;
        long count = count(adminToken, today);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.quick() ? 30 : 120);
        while (count != last && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            last = count;
            count = count(adminToken, today);
        }
        return count;
    }

    private void poll(String adminToken, LocalDate today, List<long[]> polls) {
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
            try {
                long count = count(adminToken, today);
                polls.add(new long[] {System.nanoTime(), count});
                long rest = POLL_NANOS - (System.nanoTime() - started);
                if (rest > 0) {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                Bench.log("  a usage poll failed (%s)", e.getClass().getSimpleName());
            }
        }
    }

    private static long lastCount(List<long[]> polls) {
        synchronized (polls) {
            return polls.isEmpty() ? Long.MIN_VALUE / 2 : polls.get(polls.size() - 1)[1];
        }
    }

    private long count(String adminToken, LocalDate today) throws IOException, InterruptedException {
        return http.get(settings.gatewayUrl() + "/api/v1/stats/usage?from=" + today + "&to=" + today, adminToken)
                .expect(200).json().get("total").get("total").asLong();
    }
}
