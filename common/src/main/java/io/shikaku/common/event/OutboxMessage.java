package io.shikaku.common.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An event written in the same transaction as the change it reports, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    /** The envelope's {@code type}, also sent as a header. */
    @Column(name = "event_type")
    public String eventType;

    /** The {@link EventEnvelope} as JSON, exactly as it will be published. */
    public String envelope;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
