package io.shikaku.common.access;

import java.time.Instant;
import java.util.UUID;

import io.shikaku.common.event.ExportedEvent;
import io.shikaku.common.event.Topics;

/**
 * A facility viewed a person's medication or checkups (DESIGN.md, Events: {@code record-views}, key the person id): for
 * the patient's access log and the portal's view statistics. Who (facility, token subject, licensed profession of
 * emergency staff), what kind, on which basis, when; no name, no My Number, none of the data viewed.
 */
public record RecordViewed(UUID personId, String facilityCode, String viewerSubject, String profession,
        AccessKind kind, AccessBasis basis, Instant viewedAt) implements ExportedEvent {

    public static final String TYPE = "io.shikaku.access.record-viewed";

    /** The view by {@code viewer}, allowed by {@code grant}, at {@code viewedAt}. */
    public static RecordViewed of(Viewer viewer, UUID personId, AccessKind kind, Grant grant, Instant viewedAt) {
        return new RecordViewed(personId, viewer.facilityCode(), viewer.subject(), viewer.profession(), kind,
                grant.basis(), viewedAt);
    }

    @Override
    public String topic() {
        return Topics.RECORD_VIEWS;
    }

    @Override
    public String key() {
        return personId.toString();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return personId.toString();
    }
}
