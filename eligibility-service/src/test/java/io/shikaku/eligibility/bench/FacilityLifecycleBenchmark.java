package io.shikaku.eligibility.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A benchmark program, never a test: how fast a running eligibility service applies a burst of facility lifecycle
 * events (the national master import: one per facility, 229,202) to its projection, beside how fast this machine
 * publishes them (a plain Kafka producer sending as fast as it can), so that the figure reads as a ratio too
 * (DESIGN.md, Tests). The service must read {@code topic} (system property
 * {@code mp.messaging.incoming.facility-lifecycle.topic}), a topic of the benchmark's own, never the suite's. After
 * {@code ./mvnw -pl eligibility-service -am verify}:
 *
 * <pre>
 * T=bench-facility-lifecycle-$(date +%s)
 * SHIKAKU_DB_NAME=eligibility_bench SHIKAKU_ELIGIBILITY_PORT=0 java -Dmp.messaging.incoming.facility-lifecycle.topic=$T \
 *     -jar eligibility-service/target/quarkus-app/quarkus-run.jar &amp;
 * java -cp "eligibility-service/target/test-classes:eligibility-service/target/quarkus-app/lib/main/*" \
 *     io.shikaku.eligibility.bench.FacilityLifecycleBenchmark 229202 \
 *     jdbc:postgresql://localhost:5432/eligibility_bench localhost:9092 $T
 * </pre>
 */
public final class FacilityLifecycleBenchmark {

    private static final String ENVELOPE = "{\"id\":\"%s\",\"type\":\"io.shikaku.facility.lifecycle.changed\","
            + "\"source\":\"facility-registry-service\",\"time\":\"%s\",\"subject\":\"%s\",\"data\":{"
            + "\"facilityCode\":\"%s\",\"type\":\"%s\",\"prefecture\":\"%s\",\"accountRegisteredOn\":\"2021-04-01\","
            + "\"readerAppliedOn\":\"2021-05-01\",\"readyOn\":\"2021-09-01\",\"goLiveOn\":%s,"
            + "\"emergencyTerminal\":false}}";
    private static final String[] TYPES = {"HOSPITAL", "MEDICAL_CLINIC", "DENTAL_CLINIC", "PHARMACY"};
    private static final char[] KINDS = {'1', '1', '3', '4'};

    private FacilityLifecycleBenchmark() {
    }

    /** Arguments: events, JDBC URL of the service's database, Kafka bootstrap servers, topic. */
    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args[0]);
        String jdbcUrl = args[1];
        String bootstrap = args[2];
        String topic = args[3];
        try (Connection db = DriverManager.getConnection(jdbcUrl, env("SHIKAKU_DB_USER", "shikaku"),
                env("SHIKAKU_DB_PASSWORD", "shikaku"));
                KafkaProducer<String, String> producer = producer(bootstrap)) {
            long before = applied(db);
            String probe = code(events + 1);
            producer.send(record(topic, probe, 1)).get();
            await(db, before + 1, 180, "the service projected no probe event within 180 s; is it running?");
            System.out.printf("consumer is attached (probe facility %s projected)%n", probe);

            long start = System.nanoTime();
            AtomicReference<Exception> failure = new AtomicReference<>();
            for (int i = 0; i < events; i++) {
                producer.send(record(topic, code(i), i), (m, e) -> {
                    if (e != null) {
                        failure.set(e);
                    }
                });
            }
            producer.flush();
            long published = System.nanoTime();
            if (failure.get() != null) {
                throw failure.get();
            }
            await(db, before + 1 + events, 600, "not every event was applied within 600 s");
            long done = System.nanoTime();
            double publishRate = events / ((published - start) / 1e9);
            double applyRate = events / ((done - start) / 1e9);
            System.out.printf("publish:  %,d lifecycle events sent (acks=all): %,.0f events/s%n", events,
                    publishRate);
            System.out.printf("apply:    %,d events projected %.1f s after the first send: %,.0f events/s%n", events,
                    (done - start) / 1e9, applyRate);
            System.out.printf("lag:      the last event was projected %.1f s after the last send%n",
                    (done - published) / 1e9);
            System.out.printf("ratio:    apply / publish = %.1f %%%n", 100 * applyRate / publishRate);

            long[] delays = new long[20];
            for (int i = 0; i < delays.length; i++) {
                long sent = System.nanoTime();
                String single = code(events + 2 + i);
                producer.send(record(topic, single, i)).get();
                awaitFacility(db, single);
                delays[i] = (System.nanoTime() - sent) / 1_000_000;
            }
            java.util.Arrays.sort(delays);
            System.out.printf("delay:    a single event, sent to projected (20 one at a time, idle consumer):"
                    + " median %d ms, max %d ms%n", delays[delays.length / 2], delays[delays.length - 1]);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static ProducerRecord<String, String> record(String topic, String code, int i) {
        UUID id = UUID.randomUUID();
        String goLive = i % 13 == 0 ? "\"2021-10-01\"" : "null";
        return new ProducerRecord<>(topic, code, String.format(ENVELOPE, id, Instant.now(), code, code,
                TYPES[i % 4], code.substring(0, 2), goLive));
    }

    /** A distinct, well-formed facility code for each {@code i} (prefecture 01–47, kind by type, check digit). */
    private static String code(int i) {
        String first = String.format("%02d%c%06d", 1 + i % 47, KINDS[i % 4], i / 47 % 1_000_000);
        return first + io.shikaku.common.identifier.CheckDigit.of(first);
    }

    /** Polls the inbox's count a few times a second: counting 229,202 rows is too heavy to do more often. */
    private static void await(Connection db, long count, int seconds, String failure) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long lastReport = System.nanoTime();
        long n;
        while ((n = applied(db)) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure + " (" + n + " of " + count + ")");
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("  ... %,d of %,d applied%n", n, count);
            }
            Thread.sleep(250);
        }
    }

    /** Polls the projection by primary key (cheap) until the facility is there. */
    private static void awaitFacility(Connection db, String code) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (PreparedStatement s = db.prepareStatement("SELECT 1 FROM facility WHERE facility_code = ?")) {
            s.setString(1, code);
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a single event was not applied within 30 s");
                }
                Thread.sleep(2);
            }
        }
    }

    /** Events the facility consumer has handled (claimed in its inbox, committed with the projection). */
    private static long applied(Connection db) throws SQLException {
        try (PreparedStatement s = db
                .prepareStatement("SELECT count(*) FROM inbox WHERE consumer = 'facility-lifecycle'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
