package io.shikaku.eligibility.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A benchmark program, never a test: how many outbox events a second the relay of a running eligibility service
 * publishes, beside this machine's own limit (a plain Kafka producer sending the same records as fast as it can),
 * so that the relay's figure reads as a ratio too (DESIGN.md, Tests). {@code bin/shikaku bench-relay} runs it.
 */
public final class RelayBenchmark {

    private static final String TOPIC = "bench-relay";
    private static final int KEYS = 1_000;
    private static final String DATA = "{\"checkId\":\"%s\",\"facilityCode\":\"%s\",\"method\":\"INSURANCE_CARD\","
            + "\"validity\":\"VALID\",\"visitDate\":\"2026-11-21\",\"checkedAt\":\"2026-11-21T09:00:00.000Z\"}";
    private static final String ENVELOPE = "{\"id\":\"%s\",\"type\":\"io.shikaku.eligibility.check.recorded\","
            + "\"source\":\"eligibility-service\",\"time\":\"2026-11-21T09:00:00.000Z\",\"subject\":\"%s\",\"data\":%s}";

    private RelayBenchmark() {
    }

    /** Arguments: events, JDBC URL of the relay's database, Kafka bootstrap servers. */
    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args[0]);
        String jdbcUrl = args[1];
        String bootstrap = args[2];
        int baselineEvents = Math.max(events, 100_000);

        double baseline = kafkaBaseline(bootstrap, baselineEvents);
        System.out.printf("baseline: plain Kafka producer (acks=all, idempotent), %,d records: %,.0f events/s%n",
                baselineEvents, baseline);

        try (Connection db = DriverManager.getConnection(jdbcUrl, user(), password())) {
            awaitRelay(db);
            double relay = relay(db, events);
            System.out.printf("relay:    %,d outbox events published: %,.0f events/s%n", events, relay);
            System.out.printf("ratio:    relay / baseline = %.1f %%%n", 100 * relay / baseline);
        }
    }

    private static double kafkaBaseline(String bootstrap, int events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", "{}")).get();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                String key = facility(i);
                producer.send(new ProducerRecord<>(TOPIC, key, envelope(key)), (m, e) -> {
                    if (e != null) {
                        failure.set(e);
                    }
                });
            }
            producer.flush();
            long nanos = System.nanoTime() - start;
            if (failure.get() != null) {
                throw failure.get();
            }
            return events / (nanos / 1e9);
        }
    }

    private static void awaitRelay(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM outbox");
        }
        UUID warmUp = insert(db, 1).firstId();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (pending(db) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay published nothing within 180 s; is the service running?");
            }
            Thread.sleep(100);
        }
        System.out.printf("relay is running (warm-up event %s published)%n", warmUp);
    }

    private static double relay(Connection db, int events) throws Exception {
        long start = insert(db, events).committedAt();
        long lastReport = start;
        int left;
        while ((left = pending(db)) > 0) {
            Thread.sleep(50);
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("  ... %,d of %,d left after %.0f s%n", left, events, (lastReport - start) / 1e9);
            }
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private record Inserted(UUID firstId, long committedAt) {
    }

    /** Writes the events in one transaction, as many checks committing at once would; when the commit returned. */
    private static Inserted insert(Connection db, int events) throws SQLException {
        db.setAutoCommit(false);
        UUID first = null;
        try (PreparedStatement s = db
                .prepareStatement("INSERT INTO outbox (id, topic, record_key, envelope, created_at)"
                        + " VALUES (?, ?, ?, ?, clock_timestamp())")) {
            for (int i = 0; i < events; i++) {
                UUID id = UUID.randomUUID();
                first = first == null ? id : first;
                String key = facility(i);
                s.setObject(1, id);
                s.setString(2, TOPIC);
                s.setString(3, key);
                s.setString(4, envelope(key));
                s.addBatch();
                if (i % 1_000 == 999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        db.commit();
        long committedAt = System.nanoTime();
        db.setAutoCommit(true);
        return new Inserted(first, committedAt);
    }

    private static int pending(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String facility(int i) {
        return String.format("13%08d", i % KEYS);
    }

    private static String envelope(String key) {
        UUID id = UUID.randomUUID();
        return String.format(ENVELOPE, id, id, String.format(DATA, id, key));
    }

    private static String user() {
        return System.getenv().getOrDefault("SHIKAKU_DB_USER", "shikaku");
    }

    private static String password() {
        return System.getenv().getOrDefault("SHIKAKU_DB_PASSWORD", "shikaku");
    }
}
