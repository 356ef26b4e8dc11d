package io.shikaku.common.event;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The relay's Kafka producer: idempotent with {@code acks=all}, so that records sent in order reach each partition
 * in order and once per send, while many are in flight. Settings under {@code shikaku.outbox.kafka.} override the
 * defaults (any producer property). {@code shikaku.kafka.topic-prefix} (none by default) is put before every topic, as
 * each consumer's {@code topic} setting does with the same expression, so that a suite can have topics of its own on a
 * shared broker (the end-to-end tests do: other runs' events never reach them).
 */
@ApplicationScoped
public class EventProducer {

    private static final String OVERRIDES = "shikaku.outbox.kafka.";

    private KafkaProducer<String, String> producer;
    private String topicPrefix;

    /** Sends the events in the given order without waiting between them; completes when the broker has them all. */
    Uni<Void> sendAll(List<PendingEvent> events) {
        return Uni.createFrom().completionStage(() -> {
            CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
            for (int i = 0; i < acks.length; i++) {
                acks[i] = send(events.get(i));
            }
            return CompletableFuture.allOf(acks);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }

    private CompletableFuture<Void> send(PendingEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            producer().send(event.toRecord(topicPrefix), (metadata, failure) -> {
                if (failure == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            topicPrefix = ConfigProvider.getConfig().getOptionalValue("shikaku.kafka.topic-prefix", String.class)
                    .orElse("");
            producer = new KafkaProducer<>(properties(ConfigProvider.getConfig()), new StringSerializer(),
                    new StringSerializer());
        }
        return producer;
    }

    private static Properties properties(Config config) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.getValue("quarkus.application.name", String.class) + "-outbox");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(OVERRIDES)) {
                p.put(name.substring(OVERRIDES.length()), config.getValue(name, String.class));
            }
        }
        return p;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
