package io.shikaku.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.restassured.path.json.JsonPath;
import io.shikaku.common.access.RecordViewed;

/**
 * What a viewing service (medication, checkup) must publish on {@code record-views} for a view allowed by a consent
 * (common's {@code RecordViewed}): who viewed whose data of which kind, on which basis, when.
 */
public final class RecordViews {

    private RecordViews() {
    }

    /** Asserts that {@code record} reports a consent-based view of {@code kind} by the given viewer, as published. */
    public static void assertConsentView(ConsumerRecord<String, String> record, String source, UUID person,
            String facilityCode, String viewerSubject, String profession, String kind) {
        assertView(record, source, person, facilityCode, viewerSubject, profession, kind, "CONSENT");
    }

    /** Asserts that {@code record} reports a view of {@code kind} by the given viewer on {@code basis}. */
    public static void assertView(ConsumerRecord<String, String> record, String source, UUID person,
            String facilityCode, String viewerSubject, String profession, String kind, String basis) {
        JsonPath event = JsonPath.from(record.value());
        assertEquals(person.toString(), record.key());
        assertEquals(RecordViewed.TYPE, event.getString("type"));
        assertEquals(source, event.getString("source"));
        assertEquals(person.toString(), event.getString("data.personId"));
        assertEquals(facilityCode, event.getString("data.facilityCode"));
        assertEquals(viewerSubject, event.getString("data.viewerSubject"));
        assertEquals(profession, event.getString("data.profession"));
        assertEquals(kind, event.getString("data.kind"));
        assertEquals(basis, event.getString("data.basis"));
        assertTrue(event.getString("data.viewedAt").endsWith("Z"), event.getString("data.viewedAt"));
    }
}
