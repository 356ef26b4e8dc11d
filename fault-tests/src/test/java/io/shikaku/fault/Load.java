package io.shikaku.fault;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small mixed load through the gateway, as clinic systems and a portal administrator make it: checks by card
 * numbers and by My Number card (each with a reference of its own, so that the database can be asked about each),
 * medication views of the consenting demo patient, and facilities walked through their onboarding steps. Every call
 * is kept with its answer and time, for the checks after a fault.
 */
final class Load {

    enum Kind {
        CHECK,
        CARD_CHECK,
        VIEW,
        LIFECYCLE
    }

    /** One call of the load: what, its check reference (checks only), its answer, and when it started and ended. */
    record Call(Kind kind, String reference, Api.Answer answer, long started, long ended) {
    }

    /** A facility walked through its four steps; once a step goes unanswered it is left where it may be. */
    static final class Walk {
        final String facilityCode;
        int acknowledged;
        boolean uncertain;

        Walk(String facilityCode) {
            this.facilityCode = facilityCode;
        }
    }

    static final String CLINIC = "clinic-0110113719";
    static final String CLINIC_CODE = "0110113719";
    static final String ADMIN = "portal-admin";
    static final String PATIENT = "00000000-0000-4000-8000-000000000001";
    static final String CARD = "0A1B2C3D4E5F0001";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final String[] STEPS = {"account", "reader-applications", "readiness", "go-live"};

    private final Api api;
    private final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Walk> walking = new ConcurrentLinkedQueue<>();
    final List<Walk> walks = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile String tag = "s";

    Load(Api api, List<String> facilityCodes) {
        this.api = api;
        for (String code : facilityCodes) {
            Walk walk = new Walk(code);
            walks.add(walk);
            walking.add(walk);
        }
    }

    /** Starts {@code threads} callers, each pacing itself to about {@code perSecond} calls a second. */
    void start(String scenarioTag, int threadCount, int perSecond) {
        tag = scenarioTag;
        running = true;
        for (int t = 0; t < threadCount; t++) {
            int offset = t;
            Thread thread = new Thread(() -> run(offset, perSecond), "load-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Api.GIVE_UP.toMillis() + 5_000);
        }
        threads.clear();
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    long answeredSince(long nanos) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.started() >= nanos).count();
        }
    }

    private void run(int offset, int perSecond) {
        long pace = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        for (int i = offset; running; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            call(kind);
            next += pace;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                // pacing: a steady rate, not a wait for a condition
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    private void call(Kind kind) {
        long started = System.nanoTime();
        String reference = null;
        Api.Answer answer;
        switch (kind) {
            case CHECK -> {
                reference = tag + "-c" + sequence.incrementAndGet();
                answer = api.post(CLINIC, "/eligibility/checks", Map.of("method", "INSURANCE_CARD", "visitDate",
                        TODAY.toString(), "insurerNumber", "06130017", "symbol", "1234", "number", "5678", "branch",
                        "00", "birthDate", "1980-04-01", "reference", reference), null);
            }
            case CARD_CHECK -> {
                reference = tag + "-m" + sequence.incrementAndGet();
                answer = api.post(CLINIC, "/eligibility/checks", cardCheck(reference), null);
            }
            case VIEW -> answer = api.get(CLINIC, "/persons/" + PATIENT + "/medications");
            case LIFECYCLE -> {
                Walk walk = walking.poll();
                if (walk == null) {
                    call(Kind.CHECK);
                    return;
                }
                answer = step(walk);
            }
            default -> throw new IllegalStateException();
        }
        calls.add(new Call(kind, reference, answer, started, System.nanoTime()));
    }

    /** Keeps a call made outside the load threads (the setup's), so that the checks after a fault count it too. */
    void record(Kind kind, String reference, Api.Answer answer) {
        long now = System.nanoTime();
        calls.add(new Call(kind, reference, answer, now - answer.millis() * 1_000_000, now));
    }

    static Map<String, Object> cardCheck(String reference) {
        return Map.of("method", "MY_NUMBER_CARD", "visitDate", TODAY.toString(), "cardSerial", CARD,
                "identityVerification", "FACE", "consent",
                Map.of("medication", true, "checkup", true, "limitCategory", false), "reference", reference);
    }

    private Api.Answer step(Walk walk) {
        String path = "/facilities/" + walk.facilityCode + "/" + STEPS[walk.acknowledged];
        String day = TODAY.toString();
        Api.Answer answer = switch (walk.acknowledged) {
            case 0 -> api.post(ADMIN, path, Map.of("registeredOn", day), null);
            case 1 -> api.post(ADMIN, path, Map.of("readers", 1, "appliedOn", day), null);
            case 2 -> api.post(ADMIN, path, Map.of("readyOn", day), null);
            default -> api.put(ADMIN, path, Map.of("goLiveOn", day));
        };
        synchronized (walk) {
            if (answer.acknowledged()) {
                walk.acknowledged++;
                if (walk.acknowledged < STEPS.length) {
                    walking.add(walk);
                }
            } else {
                walk.uncertain = true;
            }
        }
        return answer;
    }
}
