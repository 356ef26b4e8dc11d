package io.shikaku.common.event;

/**
 * An event a service publishes through its {@link Outbox}: it knows its topic, the aggregate it belongs to (the
 * record key, which keeps that aggregate's events in order), what happened and what it is about (DESIGN.md, Events).
 * Its {@link #data()} is what consumers receive; never a My Number, and only the personal data they need.
 */
public interface ExportedEvent {

    /** One of {@link Topics}. */
    String topic();

    /** The aggregate id, used as the Kafka record key. */
    String key();

    /** What happened, e.g. {@code io.shikaku.eligibility.check.recorded}. */
    String type();

    /** The id of the thing the event is about. */
    String subject();

    /** The payload written as the envelope's {@code data}; by default the event record itself. */
    default Object data() {
        return this;
    }
}
