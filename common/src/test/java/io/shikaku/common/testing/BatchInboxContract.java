package io.shikaku.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The inbox contract for a batch consumer ({@code BatchEventTransport} with a {@code BatchEventHandler}): the same
 * promises as {@link InboxContract} (a redelivery has one effect, even inside one batch; poison and failing events
 * are parked and the partition goes on), plus a burst applied in batches with each event's effect exactly once. A
 * service's test extends this, is annotated {@code @QuarkusTest}, and runs a consumer of {@link #BATCH_TOPIC} with
 * channel attribute {@code batch=true} whose {@code @Incoming} method is {@code transport.receive(batch, new
 * ContractEffectBatchHandler())}.
 */
public abstract class BatchInboxContract extends InboxContract {

    public static final String BATCH_TOPIC = "inbox-contract-batch";
    public static final String BATCH_CONSUMER = "inbox-contract-batch";

    @Override
    protected String topic() {
        return BATCH_TOPIC;
    }

    @Override
    protected String consumer() {
        return BATCH_CONSUMER;
    }

    @Test
    void aBurstIsAppliedOnceEachAndARedeliveryInsideTheBurstHasNoSecondEffect() {
        String key = UUID.randomUUID().toString();
        String burst = "burst-" + key;
        List<UUID> ids = new ArrayList<>();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestKit.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < 2_000; i++) {
                UUID id = i % 10 == 9 ? ids.get(i - 1) : UUID.randomUUID();
                ids.add(id);
                producer.send(new ProducerRecord<>(topic(), key + (i % 7), envelope(id, burst, false)));
            }
            producer.flush();
        }
        long distinct = ids.stream().distinct().count();
        KafkaTestKit.await("the burst applied", () -> effects(burst), n -> n >= distinct);
        String after = "after-" + key;
        UUID next = UUID.randomUUID();
        produce(key + "0", next, envelope(next, after, false));
        KafkaTestKit.await("the event after the burst handled", () -> effects(after), n -> n == 1);
        assertEquals(distinct, effects(burst));
    }
}
