package io.shikaku.facility.stats;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.shikaku.common.access.AccessKind;

/**
 * The data of a {@code record-views} event (a facility viewed a person's medication or checkups, issue 9, or looked a
 * person up in an emergency or disaster, issue 10), as far as usage statistics read it: the facility, the kind and
 * when. The person, the viewer, the profession and the basis are ignored, so that none of them reaches this service's
 * tables or logs. Without {@code viewedAt} the envelope's time counts.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordViewedData(String facilityCode, AccessKind kind, Instant viewedAt) {
}
