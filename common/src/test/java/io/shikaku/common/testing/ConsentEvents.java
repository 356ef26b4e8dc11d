package io.shikaku.common.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.shikaku.common.access.ConsentGrantedData;
import io.shikaku.common.event.EventHeaders;
import io.shikaku.common.event.Topics;

/**
 * Publishes {@code consents} events as eligibility does (key the person id) and waits, bounded, for a viewing service's
 * projection ({@code consent_grant}, common's access rule) to hold them.
 */
public final class ConsentEvents {

    public static final String TYPE = ConsentGrantedData.TYPE;

    private final DataSource db;

    public ConsentEvents(DataSource db) {
        this.db = db;
    }

    /** Publishes a consent granted at {@code grantedAt} for 24 hours; its consent id. */
    public static UUID publish(UUID person, String facilityCode, boolean medication, boolean checkup,
            Instant grantedAt) {
        return publish(person, facilityCode, medication, checkup, grantedAt, grantedAt.plus(Duration.ofHours(24)),
                "CARD_CHECK");
    }

    /**
     * Publishes a grant of {@code basis} ({@code CARD_CHECK}, or {@code EMERGENCY} and {@code DISASTER} as eligibility's
     * lookups issue them) from {@code grantedAt} to {@code expiresAt}; its consent id.
     */
    public static UUID publish(UUID person, String facilityCode, boolean medication, boolean checkup,
            Instant grantedAt, Instant expiresAt, String basis) {
        UUID consent = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String value = "{\"id\":\"" + id + "\",\"type\":\"" + TYPE + "\",\"source\":\"eligibility-service\","
                + "\"time\":\"" + grantedAt + "\",\"subject\":\"" + consent + "\",\"data\":{\"consentId\":\"" + consent
                + "\",\"personId\":\"" + person + "\",\"facilityCode\":\"" + facilityCode + "\",\"medication\":"
                + medication + ",\"checkup\":" + checkup + ",\"grantedAt\":\"" + grantedAt + "\",\"expiresAt\":\""
                + expiresAt + "\",\"basis\":\"" + basis + "\"}}";
        KafkaTestKit.produce(Topics.CONSENTS, person.toString(), value, Map.of(EventHeaders.TYPE, TYPE));
        return consent;
    }

    /** Waits until the projection holds consent {@code consentId}. */
    public void awaitProjected(UUID consentId) {
        KafkaTestKit.await("consent " + consentId + " projected",
                () -> projected(consentId), n -> n == 1);
    }

    /** Waits until the service's consumer reads the topic: publishes probe consents until one is projected. */
    public void awaitConsumerAttached() {
        KafkaTestKit.awaitConsumerAttached("consents", () -> {
            UUID probe = publish(UUID.randomUUID(), "0110113719", true, false, Instant.now());
            return () -> projected(probe) == 1;
        });
    }

    private long projected(UUID consentId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM consent_grant WHERE consent_id = ?")) {
            s.setObject(1, consentId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
