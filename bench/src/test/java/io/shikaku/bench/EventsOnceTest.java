package io.shikaku.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Only CheckRecorded events count for a check, by the check id in their data; anything else is another event. */
class EventsOnceTest {

    private static final UUID CHECK = UUID.fromString("0b8f6f1e-3c2a-4d55-9a41-7e0c2f6b9d10");

    @Test
    void aCheckRecordedEventNamesItsCheck() {
        assertEquals(CHECK, EventsOnce.checkId("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\""
                + EventsOnce.TYPE + "\",\"source\":\"eligibility-service\",\"data\":{\"checkId\":\"" + CHECK
                + "\",\"facilityCode\":\"1319900001\"}}"));
    }

    @Test
    void otherEventsAndUnreadableOnesNameNoCheck() {
        assertNull(EventsOnce.checkId("{\"type\":\"io.shikaku.eligibility.consent.granted\",\"data\":{\"checkId\":\""
                + CHECK + "\"}}"));
        assertNull(EventsOnce.checkId("not json"));
        assertNull(EventsOnce.checkId("{\"type\":\"" + EventsOnce.TYPE + "\",\"data\":{}}"));
    }
}
