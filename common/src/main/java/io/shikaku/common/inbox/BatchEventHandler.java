package io.shikaku.common.inbox;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What a consumer that must keep up with bursts does with a batch of events, apart from the transport
 * ({@link BatchEventTransport}): it applies the events with set-based statements on {@code tx}, in one transaction
 * that also claims their ids in the {@link Inbox}. It gets only events this consumer has not handled before, each
 * once, in the order they were read (per partition, Kafka's order). A failure rolls the whole batch back; the
 * transport then retries the events one by one and parks the ones that still fail.
 *
 * @param <T> the type of the envelopes' {@code data}
 */
public interface BatchEventHandler<T> {

    /** The consumer's name, unique in its service: its key in the inbox, parked events and metrics. */
    String consumer();

    /** What each envelope's {@code data} is read as. */
    Class<T> dataType();

    /** Applies {@code events} (never empty) inside the open transaction of {@code tx}. */
    Uni<Void> handle(SqlConnection tx, List<InboxEvent<T>> events);
}
