package io.shikaku.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The fixed envelope of every event, in the CloudEvents style (DESIGN.md): {@code id} lets consumers drop
 * redeliveries, {@code subject} names the aggregate the event is about.
 */
public record EventEnvelope(UUID id, String type, String source, Instant time, String subject, Object data) {
}
