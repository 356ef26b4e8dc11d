package io.shikaku.common.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records an event in the caller's transaction (a row of the outbox table), so that it leaves if and only if the
 * change it reports commits; {@link OutboxRelay} publishes it after the commit.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox (id, topic, record_key, event_type, envelope, created_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6)";

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** Adds the event to the current transaction; the event's id. */
    public Uni<UUID> add(ExportedEvent event) {
        OutboxMessage message = message(event);
        return message.persist().replaceWith(message.id);
    }

    /** Adds the event to the transaction {@code tx} of the reactive SQL client; the event's id. */
    public Uni<UUID> add(SqlConnection tx, ExportedEvent event) {
        OutboxMessage m = message(event);
        return tx.preparedQuery(INSERT).execute(Tuple.from(new Object[] {m.id, m.topic, m.recordKey, m.eventType,
                m.envelope, OffsetDateTime.ofInstant(m.createdAt, ZoneOffset.UTC)})).replaceWith(m.id);
    }

    /**
     * The outbox row of an event, with its envelope, not yet written: for a caller that inserts it with SQL of its
     * own in the statement or transaction of the change (the {@code outbox} columns, the NOTIFY trigger fires).
     */
    public OutboxMessage message(ExportedEvent event) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = event.topic();
        message.recordKey = event.key();
        message.eventType = event.type();
        message.createdAt = Instant.now();
        message.envelope = toJson(new EventEnvelope(message.id, event.type(), source, message.createdAt,
                event.subject(), event.data()));
        return message;
    }

    private String toJson(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An event could not be written as JSON: " + envelope.type(), e);
        }
    }
}
