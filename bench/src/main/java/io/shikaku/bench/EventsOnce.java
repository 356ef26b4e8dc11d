package io.shikaku.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether every check of the run was published exactly once: the {@code eligibility-checks} topic's end offsets are
 * noted before the ladders, and afterwards the topic is read from there to its new end; each {@code CheckRecorded} of
 * a check row the run recorded is counted (distinct checks, duplicates, and the run's checks with no event).
 */
final class EventsOnce implements AutoCloseable {

    static final String TOPIC = "eligibility-checks";
    static final String TYPE = "io.shikaku.eligibility.check.recorded";

    /** What the topic held for the run's checks. */
    record Result(long checkRows, long events, long distinctChecks, long duplicates, long missing, long otherEvents,
            double readSeconds) {

        boolean holds() {
            return duplicates == 0 && missing == 0 && distinctChecks == checkRows;
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final Map<TopicPartition, Long> from;
    private final Instant startedAt;

    /** Notes where the topic ends now: the run's events come after. */
    EventsOnce(BenchSettings settings) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + settings.kafkaPort());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // never create the suite's topic (with the broker's default partitions): a topic absent now is read whole later
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        consumer = new KafkaConsumer<>(p);
        from = new HashMap<>(consumer.endOffsets(partitions(), Duration.ofSeconds(10)));
        startedAt = Instant.now();
    }

    /** Reads the topic from the noted offsets to its end now, against the check rows recorded since then. */
    Result count(Connection db, List<String> references) throws SQLException {
        long started = System.nanoTime();
        Set<UUID> rows = checkRows(db, references);
        if (from.isEmpty()) { // the topic did not exist when the run began: all of it came since
            from.putAll(consumer.beginningOffsets(partitions(), Duration.ofSeconds(10)));
        }
        Map<TopicPartition, Long> until = consumer.endOffsets(from.keySet(), Duration.ofSeconds(10));
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        Set<UUID> seen = new HashSet<>();
        long events = 0;
        long duplicates = 0;
        long other = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!reached(until) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.offset() >= until.get(new TopicPartition(r.topic(), r.partition()))) {
                    continue;
                }
                UUID checkId = checkId(r.value());
                if (checkId == null || !rows.contains(checkId)) {
                    other++;
                    continue;
                }
                events++;
                if (!seen.add(checkId)) {
                    duplicates++;
                }
            }
        }
        long missing = rows.stream().filter(id -> !seen.contains(id)).count();
        return new Result(rows.size(), events, seen.size(), duplicates, missing, other,
                (System.nanoTime() - started) / 1e9);
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10));
        return partitions == null
                ? List.of()
                : partitions.stream().map(i -> new TopicPartition(TOPIC, i.partition())).toList();
    }

    private boolean reached(Map<TopicPartition, Long> until) {
        for (Map.Entry<TopicPartition, Long> e : until.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The check an event is about, when it is a CheckRecorded; null for any other event or an unreadable one. */
    static UUID checkId(String envelope) {
        try {
            JsonNode event = Http.JSON.readTree(envelope);
            if (!TYPE.equals(event.path("type").asText())) {
                return null;
            }
            return UUID.fromString(event.path("data").path("checkId").asText());
        } catch (Exception e) {
            return null;
        }
    }

    private Set<UUID> checkRows(Connection db, List<String> references) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (PreparedStatement s = db.prepareStatement(
                "SELECT id FROM eligibility_check WHERE reference = ANY (?) AND checked_at >= ?")) {
            s.setArray(1, db.createArrayOf("text", references.toArray()));
            s.setTimestamp(2, Timestamp.from(startedAt.minusSeconds(1)));
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
