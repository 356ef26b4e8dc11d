package io.shikaku.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The large requests of issue 8, each through the gateway as its caller sends it, timed from the request to the
 * outcome a caller sees: a 10,000-entry bulk inquiry (accepted → completed), a 50,000-line insurer member batch after
 * its residents' registry import, and the national facility master's import.
 */
final class Batches {

    static final int BULK_ENTRIES = 10_000;
    static final int BATCH_LINES = 50_000;
    static final String INSURER = "06130017";
    static final String INSURER_CLIENT = "insurer-" + INSURER;
    static final String REGISTRY_CLIENT = "registry-feed";
    static final String BULK_REFERENCE = "bench-bulk";
    static final String ADDRESS = "東京都千代田区霞が関1-2-2";
    /** How often a batch view is polled: about as often as a client system would, so that the polls (each counts the
     * batch's lines) do not load the machine being measured; the service's own accepted → completed time is exact. */
    private static final long POLL_MILLIS = 200;

    /**
     * A bulk inquiry: when the 202 came, when it was seen completed (or when the wait ended, status not
     * {@code COMPLETED}), how many entries were processed by then, and the entries' outcomes.
     */
    record Bulk(int entries, double acceptedMs, double completedMs, Double serviceMs, String status, long processed,
            long normal, long errors, Map<String, Long> validities) {
    }

    /**
     * The residents' import, then the member batch: when each answered, when the batch was seen completed (or when the
     * wait ended), and its line outcomes by then.
     */
    record MemberBatch(int lines, double residentsImportMs, long residentsUpserted, double acceptedMs,
            double completedMs, Double serviceMs, String status, long accepted, long held, long rejected) {
    }

    /** The facility master's import: its wall time and counts, and how many rows it changed (events written). */
    record FacilityImport(String file, long rows, double wallMs, long imported, long rejected, long changed) {
    }

    private final Http http;
    private final BenchSettings settings;

    Batches(Http http, BenchSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    Bulk bulk(String clinicToken, long persons, Connection eligibility)
            throws IOException, InterruptedException, SQLException {
        SplittableRandom random = new SplittableRandom(System.nanoTime());
        List<Map<String, String>> entries = new ArrayList<>(BULK_ENTRIES);
        for (int i = 0; i < BULK_ENTRIES; i++) {
            BenchCard card = BenchCard.of(random.nextLong(persons));
            entries.add(Map.of("insurerNumber", card.insurerNumber(), "symbol", card.symbol(), "number",
                    card.number(), "branch", card.branch(), "birthDate", card.birthDate().toString(), "reference",
                    BULK_REFERENCE));
        }
        String body = Http.JSON.writeValueAsString(Map.of("visitDate",
                LocalDate.now(BenchFacilities.JAPAN).toString(), "entries", entries));
        String url = settings.gatewayUrl() + "/api/v1/eligibility/bulk-inquiries";
        long start = System.nanoTime();
        JsonNode accepted = http.send("POST", url, clinicToken, "application/json", body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(202).json();
        double acceptedMs = (System.nanoTime() - start) / 1e6;
        String id = accepted.get("inquiryId").asText();
        String view = url + "/" + id;
        JsonNode status = awaitCompleted(view, clinicToken);
        double completedMs = (System.nanoTime() - start) / 1e6;
        Map<String, Long> validities = new TreeMap<>();
        if ("COMPLETED".equals(status.path("status").asText())) {
            for (JsonNode r : http.get(view + "?page=0&size=" + BULK_ENTRIES, clinicToken).expect(200).json()
                    .path("results")) {
                String outcome = r.path("validity").isTextual()
                        ? r.path("validity").asText()
                        : "error " + r.path("error").path("code").asText();
                validities.merge(outcome, 1L, Long::sum);
            }
        }
        return new Bulk(BULK_ENTRIES, acceptedMs, completedMs, serviceMs(eligibility, "bulk_inquiry", id),
                status.path("status").asText(),
                status.path("processed").asLong(), status.path("normal").asLong(), status.path("errors").asLong(),
                validities);
    }

    MemberBatch memberBatch(Connection eligibility) throws IOException, InterruptedException, SQLException {
        BenchMyNumbers numbers = new BenchMyNumbers(settings.myNumberHashKey());
        long base = freshBase(eligibility, numbers);
        List<Map<String, String>> residents = new ArrayList<>(BATCH_LINES);
        List<Map<String, Object>> records = new ArrayList<>(BATCH_LINES);
        for (int k = 0; k < BATCH_LINES; k++) {
            String myNumber = BenchMyNumbers.ofBatchLine(base + k);
            String name = "ベンチ 加入者" + k;
            String sex = k % 2 == 0 ? "MALE" : "FEMALE";
            String birthDate = BenchCard.FIRST_BIRTH_DATE.plusDays(k % BenchCard.BIRTH_DAYS).toString();
            residents.add(Map.of("myNumber", myNumber, "name", name, "nameKana", "ベンチ カニュウシャ", "sex", sex,
                    "birthDate", birthDate, "address", ADDRESS));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("op", "UPSERT");
            line.put("myNumber", myNumber);
            line.put("name", name);
            line.put("nameKana", "ベンチ カニュウシャ");
            line.put("sex", sex);
            line.put("birthDate", birthDate);
            line.put("address", ADDRESS);
            line.put("symbol", "BM");
            line.put("number", Long.toString(base + k));
            line.put("branch", "00");
            line.put("relationship", "INSURED");
            line.put("validFrom", "2024-04-01");
            line.put("copaymentRate", 30);
            records.add(line);
        }
        String registry = clientToken(REGISTRY_CLIENT);
        long start = System.nanoTime();
        JsonNode imported = http.json("POST", settings.gatewayUrl() + "/api/v1/resident-registry/imports", registry,
                Map.of("records", residents)).expect(200).json();
        double residentsMs = (System.nanoTime() - start) / 1e6;
        String insurer = clientToken(INSURER_CLIENT);
        String url = settings.gatewayUrl() + "/api/v1/insurers/" + INSURER + "/member-batches";
        String body = Http.JSON.writeValueAsString(Map.of("records", records));
        start = System.nanoTime();
        JsonNode accepted = http.send("POST", url, insurer, "application/json", body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(202).json();
        double acceptedMs = (System.nanoTime() - start) / 1e6;
        String id = accepted.get("batchId").asText();
        JsonNode status = awaitCompleted(url + "/" + id, insurer);
        double completedMs = (System.nanoTime() - start) / 1e6;
        return new MemberBatch(BATCH_LINES, residentsMs, imported.path("upserted").asLong(), acceptedMs, completedMs,
                serviceMs(eligibility, "member_batch", id), status.path("status").asText(),
                status.path("accepted").asLong(), status.path("held").asLong(),
                status.path("rejected").asLong());
    }

    /**
     * The first serial of this run's batch My Numbers: blocks of 50,000 picked by the minute, moved on while the
     * block's first or last number is already a resident, so that the run's numbers are new.
     */
    private static long freshBase(Connection db, BenchMyNumbers numbers) throws SQLException {
        long blocks = BenchMyNumbers.PER_SET / BATCH_LINES;
        long block = (Instant.now().getEpochSecond() / 60) % blocks;
        try (PreparedStatement s = db
                .prepareStatement("SELECT count(*) FROM resident WHERE my_number_hash IN (?, ?)")) {
            for (int tries = 0; tries < 1_000; tries++, block = (block + 1) % blocks) {
                long base = block * BATCH_LINES;
                s.setString(1, numbers.hash(BenchMyNumbers.ofBatchLine(base)));
                s.setString(2, numbers.hash(BenchMyNumbers.ofBatchLine(base + BATCH_LINES - 1)));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return base;
                    }
                }
            }
        }
        throw new IllegalStateException("no fresh block of My Numbers found for the insurer batch");
    }

    FacilityImport facilityImport(String adminToken, Path csv) throws IOException, InterruptedException,
            SQLException {
        long rows;
        try (var lines = Files.lines(csv)) {
            rows = lines.count() - 1;
        }
        Instant before = Instant.now();
        long start = System.nanoTime();
        JsonNode answer = http.sendFile("POST", settings.gatewayUrl() + "/api/v1/facilities/imports", adminToken,
                "text/csv", csv).expect(200).json();
        double wallMs = (System.nanoTime() - start) / 1e6;
        long changed;
        try (Connection facility = DriverManager.getConnection(settings.jdbcUrl("facility"), settings.dbUser(),
                settings.dbPassword());
                PreparedStatement s = facility.prepareStatement(
                        "SELECT count(*) FROM outbox WHERE topic = 'facility-lifecycle' AND created_at >= ?")) {
            s.setTimestamp(1, Timestamp.from(before.minusSeconds(1)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                changed = rs.getLong(1);
            }
        }
        return new FacilityImport(csv.getFileName().toString(), rows, wallMs, answer.path("imported").asLong(),
                answer.path("rejected").asLong(), changed);
    }

    /** The service's own accepted → completed time of a bulk inquiry or batch (its rows' stamps), or null. */
    private static Double serviceMs(Connection db, String table, String id) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT extract(epoch FROM completed_at - accepted_at) * 1000"
                + " FROM " + table + " WHERE id = ?::uuid AND completed_at IS NOT NULL")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : null;
            }
        }
    }

    /** The view once it says COMPLETED, or as it stands when the run's wait for a batch has passed. */
    private JsonNode awaitCompleted(String view, String token) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + settings.batchWaitSeconds() * 1_000_000_000L;
        while (true) {
            JsonNode status = http.get(view + "?page=0&size=1", token).expect(200).json();
            if ("COMPLETED".equals(status.path("status").asText()) || System.nanoTime() > deadline) {
                return status;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private String clientToken(String clientId) throws IOException, InterruptedException {
        return http.form(settings.keycloakUrl() + "/realms/shikaku/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                        BenchSettings.CLIENT_SECRET))
                .expect(200).json().get("access_token").asText();
    }
}
