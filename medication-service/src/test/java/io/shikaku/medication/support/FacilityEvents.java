package io.shikaku.medication.support;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.shikaku.common.event.EventHeaders;
import io.shikaku.common.event.Topics;
import io.shikaku.common.identifier.CheckDigit;
import io.shikaku.common.testing.KafkaTestKit;

/**
 * Publishes {@code facility-lifecycle} events on the real broker as the facility registry does (key the facility code,
 * the facility's whole state with its master name in {@code data}) and waits, bounded, until this service handled them.
 */
public final class FacilityEvents {

    public static final String TYPE = "io.shikaku.facility.lifecycle.changed";

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(900_000));

    private final Db db;

    public FacilityEvents(Db db) {
        this.db = db;
    }

    /** A valid pharmacy code in Tokyo that no other test uses. */
    public static String freshCode() {
        String first9 = "134" + String.format("%06d", NEXT.getAndIncrement() % 1_000_000);
        return first9 + CheckDigit.of(first9);
    }

    /** The registry's envelope; {@code name} null leaves the field out, as the registry did before it carried it. */
    public static String envelope(UUID id, Instant time, String code, String name) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + TYPE + "\",\"source\":\"facility-registry-service\",\"time\":\""
                + time + "\",\"subject\":\"" + code + "\",\"data\":{\"facilityCode\":\"" + code + "\",\"type\":"
                + "\"PHARMACY\",\"prefecture\":\"13\"," + (name == null ? "" : "\"name\":\"" + name + "\",")
                + "\"accountRegisteredOn\":\"2021-04-01\",\"readerAppliedOn\":null,\"readyOn\":null,\"goLiveOn\":null,"
                + "\"emergencyTerminal\":false}}";
    }

    /** Publishes a change of facility {@code code} named {@code name} at {@code time}; the event's id. */
    public static UUID publish(String code, String name, Instant time) {
        UUID id = UUID.randomUUID();
        KafkaTestKit.produce(Topics.FACILITY_LIFECYCLE, code, envelope(id, time, code, name),
                Map.of(EventHeaders.TYPE, TYPE));
        return id;
    }

    /** Waits until the consumer handled event {@code id} (claimed it in the inbox). */
    public void awaitHandled(UUID id) {
        KafkaTestKit.await("event " + id + " handled", () -> db.count(
                "SELECT count(*) FROM inbox WHERE consumer = 'facility-lifecycle' AND event_id = ?", id),
                n -> n == 1);
    }

    /** Waits until the service's consumer reads the topic: publishes probe facilities until one is projected. */
    public void awaitConsumerAttached() {
        KafkaTestKit.awaitConsumerAttached("facility-lifecycle", () -> {
            String probe = freshCode();
            publish(probe, "Probe Pharmacy", Instant.now());
            return () -> db.count("SELECT count(*) FROM facility WHERE code = ?", probe) == 1;
        });
    }
}
