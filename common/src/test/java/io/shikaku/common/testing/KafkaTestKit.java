package io.shikaku.common.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Kafka for tests against the real broker: produce a raw record (any value, any headers), and watch a topic from now
 * on for records matching a predicate, always with a bounded wait and never a timed assertion.
 */
public final class KafkaTestKit {

    /** Long enough for a loaded 2-core machine; only a failing test waits this long. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private KafkaTestKit() {
    }

    /** The broker: the service's configuration inside a Quarkus test, else the suite's environment (end-to-end). */
    public static String bootstrap() {
        if (isPresent("org.eclipse.microprofile.config.ConfigProvider")) {
            return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        }
        return System.getenv().getOrDefault("SHIKAKU_KAFKA_BOOTSTRAP",
                "localhost:" + System.getenv().getOrDefault("SHIKAKU_KAFKA_PORT", "9092"));
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, KafkaTestKit.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Sends one record as a foreign producer would and waits for the broker's acknowledgement. */
    public static RecordMetadata produce(String topic, String key, String value, Map<String, String> headers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /** The text of a record's header, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Starts watching {@code topic} at its current end: what is published from now on. */
    public static Watch watch(String topic) {
        return new Watch(topic);
    }

    /** Polls {@code probe} until {@code done} accepts its value; that value, or an assertion error after the wait. */
    public static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        return await(what, PATIENCE, probe, done);
    }

    /** As {@link #await(String, Supplier, Predicate)}, for what may take longer (a national master's events). */
    public static <T> T await(String what, Duration patience, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(patience);
        T value = probe.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        what + " did not happen within " + patience.toSeconds() + " s; last: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while awaiting " + what, e);
            }
            value = probe.get();
        }
        return value;
    }

    /**
     * Waits until a service's consumer reads its topic (a test group starts at the topic's end once it has joined):
     * {@code publishProbe} publishes a probe event and gives the check that it was applied; a probe not applied within
     * 2 s is followed by another, until {@link #PATIENCE} has passed.
     */
    public static void awaitConsumerAttached(String consumer, Supplier<BooleanSupplier> publishProbe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            BooleanSupplier applied = publishProbe.get();
            Instant probeDeadline = Instant.now().plus(Duration.ofSeconds(2));
            while (Instant.now().isBefore(probeDeadline)) {
                if (applied.getAsBoolean()) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
        throw new AssertionError("the " + consumer + " consumer applied no probe event within " + PATIENCE.toSeconds()
                + " s");
    }

    /** A consumer of one topic from a given point on, remembering every record it saw. */
    public static final class Watch implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        private Watch(String topic) {
            Properties p = new Properties();
            p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG, "test-kit-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = KafkaTestKit.await("partitions of " + topic, () -> partitions(topic),
                    found -> !found.isEmpty());
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        private List<TopicPartition> partitions(String topic) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            return infos == null
                    ? List.of()
                    : infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        }

        /** The first record matching {@code wanted}, polling with a bounded wait. */
        public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> wanted) {
            return awaitAll(wanted, 1).get(0);
        }

        /** The first {@code count} records matching {@code wanted}, in the order they were read. */
        public List<ConsumerRecord<String, String>> awaitAll(Predicate<ConsumerRecord<String, String>> wanted,
                int count) {
            Instant deadline = Instant.now().plus(PATIENCE);
            while (true) {
                List<ConsumerRecord<String, String>> matching = seen.stream().filter(wanted).limit(count).toList();
                if (matching.size() == count) {
                    return matching;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("only " + matching.size() + " of " + count + " expected records within "
                            + PATIENCE.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }

        /** Every record read so far. */
        public List<ConsumerRecord<String, String>> seen() {
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
