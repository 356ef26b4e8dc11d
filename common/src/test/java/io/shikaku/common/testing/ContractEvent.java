package io.shikaku.common.testing;

import io.shikaku.common.event.ExportedEvent;

/**
 * The event the outbox and inbox contracts send: a key, a subject to find it by, a sequence number to check order,
 * and whether the inbox contract's handler should fail on it.
 */
public record ContractEvent(String topic, String key, String subject, int sequence,
        boolean fail) implements ExportedEvent {

    public static final String TYPE = "io.shikaku.testing.contract";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Object data() {
        return new Data(sequence, fail);
    }

    /** What the envelope carries as {@code data}. */
    public record Data(int sequence, boolean fail) {
    }
}
