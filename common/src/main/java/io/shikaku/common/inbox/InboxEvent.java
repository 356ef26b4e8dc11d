package io.shikaku.common.inbox;

import io.shikaku.common.event.EventEnvelope;

/**
 * One event of a batch as a {@link BatchEventHandler} gets it: the envelope (id, type, time, …) and its {@code data}
 * read as the handler's type.
 *
 * @param <T> the type of the envelope's {@code data}
 */
public record InboxEvent<T>(EventEnvelope envelope, T data) {
}
