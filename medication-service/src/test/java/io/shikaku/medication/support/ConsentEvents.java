package io.shikaku.medication.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.shikaku.common.event.EventHeaders;
import io.shikaku.common.event.Topics;
import io.shikaku.common.testing.KafkaTestKit;

/** Publishes {@code consents} events as eligibility does (key the person id) and waits, bounded, for the projection. */
public final class ConsentEvents {

    public static final String TYPE = "io.shikaku.eligibility.consent.granted";

    private final Db db;

    public ConsentEvents(Db db) {
        this.db = db;
    }

    /** Publishes a consent granted at {@code grantedAt} for 24 hours; its consent id. */
    public static UUID publish(UUID person, String facilityCode, boolean medication, boolean checkup,
            Instant grantedAt) {
        UUID consent = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String value = "{\"id\":\"" + id + "\",\"type\":\"" + TYPE + "\",\"source\":\"eligibility-service\","
                + "\"time\":\"" + grantedAt + "\",\"subject\":\"" + consent + "\",\"data\":{\"consentId\":\"" + consent
                + "\",\"personId\":\"" + person + "\",\"facilityCode\":\"" + facilityCode + "\",\"medication\":"
                + medication + ",\"checkup\":" + checkup + ",\"grantedAt\":\"" + grantedAt + "\",\"expiresAt\":\""
                + grantedAt.plus(Duration.ofHours(24)) + "\",\"basis\":\"CARD_CHECK\"}}";
        KafkaTestKit.produce(Topics.CONSENTS, person.toString(), value, Map.of(EventHeaders.TYPE, TYPE));
        return consent;
    }

    /** Waits until the projection holds consent {@code consentId}. */
    public void awaitProjected(UUID consentId) {
        KafkaTestKit.await("consent " + consentId + " projected",
                () -> db.count("SELECT count(*) FROM consent_grant WHERE consent_id = ?", consentId), n -> n == 1);
    }

    /** Waits until the service's consumer reads the topic: publishes probe consents until one is projected. */
    public void awaitConsumerAttached() {
        Instant deadline = Instant.now().plus(KafkaTestKit.PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            UUID probe = publish(UUID.randomUUID(), "0110113719", true, false, Instant.now());
            Instant probeDeadline = Instant.now().plus(Duration.ofSeconds(2));
            while (Instant.now().isBefore(probeDeadline)) {
                if (db.count("SELECT count(*) FROM consent_grant WHERE consent_id = ?", probe) == 1) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
        throw new AssertionError("the consents consumer projected no probe event within "
                + KafkaTestKit.PATIENCE.toSeconds() + " s");
    }
}
