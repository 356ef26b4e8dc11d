import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The facility registry's cost of counting eligibility checks (issue 8): sends N CheckRecorded events shaped as
 * eligibility's outbox writes them (1,000 facilities, methods in §10's proportions) to a topic of its own at a given
 * rate (0: as fast as possible), first sends 20,000 (-DwarmUp) as fast as possible and waits for them, then waits until the registry under test has counted every one (usage_daily, or
 * record_view_daily with kind=views), and reports the registry's CPU (utime+stime of /proc/PID/stat) per event and the
 * events/s from the first send to the last count. A program with a report, never a test.
 *
 * <p>
 * Usage: java -cp 'target/quarkus-app/lib/main/*' bench/UsageStream.java PID BOOTSTRAP TOPIC JDBC-URL EVENTS RATE
 * [checks|views]
 */
public class UsageStream {

    private static final int WARM_UP = Integer.getInteger("warmUp", 20_000);

    public static void main(String[] args) throws Exception {
        long pid = Long.parseLong(args[0]);
        String bootstrap = args[1];
        String topic = args[2];
        String jdbc = args[3];
        int events = Integer.parseInt(args[4]);
        int rate = Integer.parseInt(args[5]);
        boolean views = args.length > 6 && args[6].equals("views");
        String[] codes = facilityCodes(1000);
        SplittableRandom random = new SplittableRandom(8);

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (Connection db = DriverManager.getConnection(jdbc, "shikaku", "shikaku");
                KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                        new StringSerializer())) {
            // warm up (JIT, pools, the consumer's assignment) on events of their own, then measure
            long warm = counted(db, views);
            for (int i = 0; i < WARM_UP; i++) {
                UUID id = UUID.randomUUID();
                String code = codes[random.nextInt(codes.length)];
                producer.send(new ProducerRecord<>(topic, code, views ? view(id, code, random) : check(id, code, random)));
            }
            producer.flush();
            while (counted(db, views) - warm < WARM_UP) {
                Thread.sleep(50);
            }
            long before = counted(db, views);
            long commits0 = commits(db);
            long idleTicks0 = ticks(pid);
            Thread.sleep(10_000);
            long idleTicks = ticks(pid) - idleTicks0;
            long cpu0 = ticks(pid);
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                if (rate > 0) {
                    long due = start + TimeUnit.SECONDS.toNanos(1) * i / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                String code = codes[random.nextInt(codes.length)];
                UUID id = UUID.randomUUID();
                String value = views ? view(id, code, random) : check(id, code, random);
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, views ? UUID.randomUUID().toString() : code, value);
                record.headers().add("ce_id", id.toString().getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
            long sent = System.nanoTime();
            long now;
            while ((now = counted(db, views)) - before < events) {
                Thread.sleep(20);
            }
            long end = System.nanoTime();
            long cpu = ticks(pid) - cpu0;
            Thread.sleep(1_500); // PostgreSQL publishes a backend's counters at most once a second
            long registryCommits = commits(db) - commits0 - queries;
            double seconds = (end - start) / 1e9;
            double msPerEvent = cpu * 10.0 / events; // 100 ticks a second
            System.out.printf("events %d, rate %s, sent in %.1f s, all counted after %.1f s (%.0f events/s);"
                    + " registry CPU %.0f ms = %.3f ms/event; idle CPU %.1f ms/s; counted %d in about %d transactions (%.1f events each)%n", events,
                    rate == 0 ? "max" : rate + "/s", (sent - start) / 1e9, seconds, events / seconds, cpu * 10.0,
                    msPerEvent, idleTicks * 10.0 / 10, now - before, registryCommits, (double) events / registryCommits);
        }
    }

    private static long queries;

    /** Commits in the database since it started, less this program's own queries (each one a transaction). */
    private static long commits(Connection db) throws Exception {
        queries++;
        try (ResultSet rs = db.createStatement()
                .executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long counted(Connection db, boolean views) throws Exception {
        queries++;
        String sql = views ? "SELECT coalesce(sum(views), 0) FROM record_view_daily"
                : "SELECT coalesce(sum(checks), 0) FROM usage_daily";
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long ticks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    }

    private static String check(UUID id, String code, SplittableRandom random) {
        int r = random.nextInt(1000);
        String method = r < 8 ? "MY_NUMBER_CARD" : r < 770 ? "INSURANCE_CARD" : "BULK";
        String validity = random.nextInt(20) == 0 ? "NOT_FOUND" : "VALID";
        UUID checkId = UUID.randomUUID();
        String now = Instant.now().toString();
        return "{\"id\":\"" + id + "\",\"type\":\"io.shikaku.eligibility.check.recorded\","
                + "\"source\":\"eligibility-service\",\"time\":\"" + now + "\",\"subject\":\"" + checkId
                + "\",\"data\":{\"checkId\":\"" + checkId + "\",\"facilityCode\":\"" + code + "\",\"method\":\""
                + method + "\",\"validity\":\"" + validity + "\",\"visitDate\":\"2026-11-21\",\"checkedAt\":\"" + now
                + "\"}}";
    }

    private static String view(UUID id, String code, SplittableRandom random) {
        String kind = random.nextInt(3) == 0 ? "CHECKUP" : "MEDICATION";
        UUID person = UUID.randomUUID();
        String now = Instant.now().toString();
        return "{\"id\":\"" + id + "\",\"type\":\"io.shikaku.record.viewed\",\"source\":\"medication-service\","
                + "\"time\":\"" + now + "\",\"subject\":\"" + person + "\",\"data\":{\"personId\":\"" + person
                + "\",\"facilityCode\":\"" + code + "\",\"viewerSubject\":\"clinic-" + code
                + "\",\"profession\":null,\"kind\":\"" + kind + "\",\"basis\":\"CONSENT\",\"viewedAt\":\"" + now
                + "\"}}";
    }

    /** Valid facility codes (DOMAIN.md §3): prefecture, kind 1, district, number, the insurer-number check digit. */
    private static String[] facilityCodes(int n) {
        String[] codes = new String[n];
        for (int i = 0; i < n; i++) {
            String first = String.format("%02d1%02d%04d", 1 + i % 47, i % 100, i);
            int sum = 0;
            for (int k = 0; k < 9; k++) {
                int digit = first.charAt(8 - k) - '0';
                int product = digit * (k % 2 == 0 ? 2 : 1);
                sum += product / 10 + product % 10;
            }
            codes[i] = first + (10 - sum % 10) % 10;
        }
        return codes;
    }
}
