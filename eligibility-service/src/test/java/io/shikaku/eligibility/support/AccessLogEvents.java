package io.shikaku.eligibility.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.shikaku.common.access.RecordViewed;
import io.shikaku.common.event.EventHeaders;
import io.shikaku.common.event.Topics;
import io.shikaku.common.testing.KafkaTestKit;

/**
 * Publishes {@code record-views} events as the medication and checkup services (and emergency lookups) do, on the real
 * broker, and reads what the access log made of them, always with a bounded wait.
 */
public final class AccessLogEvents {

    private final DataSource db;

    public AccessLogEvents(DataSource db) {
        this.db = db;
    }

    /** One access as a {@code record-views} event carries it. */
    public record Access(UUID eventId, UUID personId, String facilityCode, String viewerSubject, String profession,
            String kind, String basis, Instant viewedAt) {

        /** A consent-based medication view by a clinic system of {@code facilityCode}. */
        public static Access consentView(UUID person, String facilityCode, Instant at) {
            return new Access(UUID.randomUUID(), person, facilityCode, "clinic-" + facilityCode, null, "MEDICATION",
                    "CONSENT", at);
        }

        public Access withKind(String kind, String basis, String profession, String viewerSubject) {
            return new Access(eventId, personId, facilityCode, viewerSubject, profession, kind, basis, viewedAt);
        }
    }

    /** The envelope of {@code access} as the outbox relay publishes it. */
    public static String envelope(Access a) {
        return "{\"id\":\"" + a.eventId() + "\",\"type\":\"" + RecordViewed.TYPE
                + "\",\"source\":\"medication-service\","
                + "\"time\":\"" + a.viewedAt() + "\",\"subject\":\"" + a.personId() + "\",\"data\":{\"personId\":\""
                + a.personId() + "\",\"facilityCode\":\"" + a.facilityCode() + "\",\"viewerSubject\":\""
                + a.viewerSubject() + "\",\"profession\":" + (a.profession() == null
                        ? "null"
                        : "\"" + a.profession()
                                + "\"")
                + ",\"kind\":\"" + a.kind() + "\",\"basis\":\"" + a.basis() + "\",\"viewedAt\":\"" + a.viewedAt()
                + "\"}}";
    }

    public static RecordMetadata publish(Access access) {
        return publishRaw(access.personId().toString(), envelope(access));
    }

    public static RecordMetadata publishRaw(String key, String value) {
        return KafkaTestKit.produce(Topics.RECORD_VIEWS, key, value, Map.of(EventHeaders.TYPE, RecordViewed.TYPE));
    }

    /** Waits until the access-log consumer reads the topic: probe views of fresh persons until one is logged. */
    public void awaitConsumerAttached() {
        KafkaTestKit.awaitConsumerAttached("access-log", () -> {
            Access probe = Access.consentView(UUID.randomUUID(), "0110113719", Instant.now());
            publish(probe);
            return () -> entries(probe.eventId()) == 1;
        });
    }

    /** Waits until the event {@code id} has been handled (claimed in the inbox) by the access-log consumer. */
    public void awaitHandled(UUID id) {
        KafkaTestKit.await("event " + id + " handled",
                () -> count("SELECT count(*) FROM inbox WHERE consumer = 'access-log' AND event_id = ?", id),
                n -> n == 1);
    }

    /** Waits until the access with event id {@code id} is in the log; its sequence number. */
    public long awaitLogged(UUID id) {
        KafkaTestKit.await("event " + id + " in the access log", () -> entries(id), n -> n == 1);
        return count("SELECT sequence FROM access_log WHERE event_id = ?", id);
    }

    /** How many entries the log holds for the event {@code id}. */
    public long entries(UUID id) {
        return count("SELECT count(*) FROM access_log WHERE event_id = ?", id);
    }

    public long count(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
