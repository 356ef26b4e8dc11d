package io.shikaku.common.inbox;

import io.shikaku.common.event.EventEnvelope;
import io.smallrye.mutiny.Uni;

/**
 * What a consumer does with one event, apart from the transport: it runs in the consumer's transaction, at most
 * once per event id ({@link Inbox}); a failure rolls its change back and parks the event.
 *
 * @param <T> the type of the envelope's {@code data}
 */
public interface EventHandler<T> {

    /** The consumer's name, unique in its service: its key in the inbox, parked events and metrics. */
    String consumer();

    /** What the envelope's {@code data} is read as. */
    Class<T> dataType();

    Uni<Void> handle(EventEnvelope envelope, T data);
}
