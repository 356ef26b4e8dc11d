package io.shikaku.eligibility.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.identifier.MyNumber;
import io.shikaku.common.testing.Tokens;

@QuarkusTest
class ResidentImportTest {

    private static final String IMPORTS = "/api/v1/resident-registry/imports";

    @Inject
    AgroalDataSource db;

    @Inject
    io.shikaku.eligibility.mynumber.MyNumberHasher hasher;

    @Test
    void goodRecordsAreUpsertedAndAReImportUpdatesThem() throws SQLException {
        String first = freshMyNumber();
        String second = freshMyNumber();
        importAs(Tokens.registryFeed(), List.of(record(first, "山田 太郎", "1980-04-01"), record(second, "山田 花子",
                "1982-06-15")))
                .statusCode(200)
                .body("received", equalTo(2)).body("upserted", equalTo(2)).body("rejected", equalTo(0))
                .body("errors", hasSize(0));

        importAs(Tokens.registryFeed(), List.of(record(first, "山田　太郎", "1980-04-01")))
                .statusCode(200)
                .body("received", equalTo(1)).body("upserted", equalTo(1)).body("rejected", equalTo(0));

        assertEquals("山田　太郎|山田太郎|1980-04-01", stored(first));
        assertEquals("山田 花子|山田花子|1982-06-15", stored(second));
    }

    @Test
    void aBadCheckDigitIsReportedByIndexWithoutTheNumberAndTheOthersAreApplied() throws SQLException {
        String good = freshMyNumber();
        String bad = withWrongCheckDigit(freshMyNumber());
        String body = importAs(Tokens.registryFeed(), List.of(record(good, "佐藤 一郎", "1970-01-01"),
                record(bad, "佐藤 二郎", "1972-02-02"), Map.of("myNumber", freshMyNumber(), "sex", "OTHER")))
                .statusCode(200)
                .body("received", equalTo(3)).body("upserted", equalTo(1)).body("rejected", equalTo(2))
                .body("errors.field", contains("records[1].myNumber", "records[2].name", "records[2].nameKana",
                        "records[2].sex", "records[2].birthDate", "records[2].address"))
                .body("errors[0].index", equalTo(1))
                .body("errors[0].code", equalTo("VALIDATION_FAILED"))
                .body(not(org.hamcrest.Matchers.containsString(bad)))
                .extract().asString();
        assertFalse(body.contains(bad));
        assertEquals("佐藤 一郎|佐藤一郎|1970-01-01", stored(good));
        assertEquals(null, stored(bad));
    }

    @Inject
    ResidentRegistry registry;

    @Test
    void theRegistryAnswersTheFourAttributesOfAnImportedNumberAndNothingForAnUnknownOne() {
        String number = freshMyNumber();
        importAs(Tokens.registryFeed(), List.of(record(number, "伊藤 さくら", "1991-07-07"))).statusCode(200);

        FourAttributes held = registry.fourAttributes(number).await().indefinitely();
        assertEquals(new FourAttributes("伊藤 さくら", "MALE", java.time.LocalDate.of(1991, 7, 7),
                "東京都千代田区霞が関1-2-2"), held);
        assertTrue(new FourAttributes("伊藤　さくら", "MALE", java.time.LocalDate.of(1991, 7, 7),
                "東京都千代田区霞が関１－２－２").agreesWith(held));
        assertEquals(null, registry.fourAttributes(freshMyNumber()).await().indefinitely());
    }

    @Test
    void aNumberRepeatedInOneImportIsAppliedOnceAndTheRepeatReportedAsAConflict() throws SQLException {
        String number = freshMyNumber();
        importAs(Tokens.registryFeed(), List.of(record(number, "鈴木 一", "1990-03-03"),
                record(number, "鈴木 二", "1990-03-03")))
                .statusCode(200)
                .body("upserted", equalTo(1)).body("rejected", equalTo(1))
                .body("errors[0].field", equalTo("records[1].myNumber"))
                .body("errors[0].code", equalTo("CONFLICT"));
        assertEquals("鈴木 一|鈴木一|1990-03-03", stored(number));
    }

    @Test
    void moreThanFiftyThousandRecordsArePayloadTooLarge() {
        List<Object> records = new ArrayList<>();
        Map<String, Object> one = record(freshMyNumber(), "田中 一", "1960-01-01");
        for (int i = 0; i <= ResidentRegistry.MAX_RECORDS; i++) {
            records.add(one);
        }
        importAs(Tokens.registryFeed(), records).statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void onlyTheRegistryFeedMayImport() {
        List<Object> records = List.of(record(freshMyNumber(), "田中 一", "1960-01-01"));
        importAs(Tokens.portalAdmin(), records).statusCode(403).body("code", equalTo("FORBIDDEN"));
        importAs(Tokens.insurer("06130017"), records).statusCode(403);
        importAs(Tokens.clinic("0110113719"), records).statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("records", records)).post(IMPORTS)
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aMalformedBodyIsRejectedAsAWhole() {
        given().auth().oauth2(Tokens.registryFeed()).contentType(ContentType.JSON)
                .body("{\"records\":[{\"myNumber\":\"123456789018\",\"birthDate\":\"1980-13-01\"}]}")
                .post(IMPORTS).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body(not(org.hamcrest.Matchers.containsString("123456789018")));
        given().auth().oauth2(Tokens.registryFeed()).contentType(ContentType.JSON).body("{}")
                .post(IMPORTS).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void theMyNumberIsInNoResponseNoTableAndNoLogLine() throws SQLException {
        String good = freshMyNumber();
        String bad = withWrongCheckDigit(freshMyNumber());
        List<String> logged = new ArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                synchronized (logged) {
                    logged.add(render(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        List<String> bodies = new ArrayList<>();
        try {
            for (int round = 0; round < 2; round++) {
                bodies.add(importAs(Tokens.registryFeed(), List.of(record(good, "高橋 一", "1985-05-05"),
                        record(bad, "高橋 二", "1985-05-05"), record(good, "高橋 三", "1985-05-05")))
                        .statusCode(200).extract().asString());
            }
            bodies.add(given().auth().oauth2(Tokens.registryFeed()).contentType(ContentType.JSON)
                    .body("{\"records\":[{\"myNumber\":\"" + good + "\",\"birthDate\":\"19850505\"}]}")
                    .post(IMPORTS).then().statusCode(400).extract().asString());
            bodies.add(given().auth().oauth2(Tokens.registryFeed()).contentType(ContentType.JSON)
                    .body("{\"records\":[{\"myNumber\":" + good + "}]}")
                    .post(IMPORTS).then().statusCode(400).extract().asString());
            bodies.add(importAs(Tokens.portalAdmin(), List.of(record(good, "高橋 一", "1985-05-05")))
                    .statusCode(403).extract().asString());
        } finally {
            root.removeHandler(capture);
        }

        for (String body : bodies) {
            assertFalse(body.contains(good) || body.contains(bad), body);
        }
        synchronized (logged) {
            assertTrue(logged.stream().anyMatch(line -> line.contains("Resident registry import")),
                    "the capture saw the service's log");
            assertTrue(logged.stream().noneMatch(line -> line.contains(good) || line.contains(bad)),
                    String.join("\n", logged));
        }
        assertEquals(hasher.hash(good), storedHash(good));
        for (String table : tables()) {
            assertEquals(0, rowsHolding(table, good), table);
            assertEquals(0, rowsHolding(table, bad), table);
        }
        assertTrue(tables().contains("resident"));
    }

    private static String render(java.util.logging.LogRecord record) {
        StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
        if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
            line.append(' ').append(ext.getFormattedMessage());
        }
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(' ').append(parameter);
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            line.append(' ').append(t);
        }
        return line.toString();
    }

    private ValidatableResponse importAs(String token, List<?> records) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("records", records))
                .post(IMPORTS).then();
    }

    private static Map<String, Object> record(String myNumber, String name, String birthDate) {
        Map<String, Object> record = new HashMap<>();
        record.put("myNumber", myNumber);
        record.put("name", name);
        record.put("nameKana", "テスト");
        record.put("sex", "MALE");
        record.put("birthDate", birthDate);
        record.put("address", "東京都千代田区霞が関1-2-2");
        return record;
    }

    /** A valid My Number no other test uses. */
    static String freshMyNumber() {
        String first = Long.toString(ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L));
        return first + MyNumber.checkDigit(first);
    }

    private static String withWrongCheckDigit(String valid) {
        int check = valid.charAt(11) - '0';
        return valid.substring(0, 11) + (check + 1) % 10;
    }

    /** name, name_key and birth_date of the resident stored under {@code myNumber}'s hash, or null. */
    private String stored(String myNumber) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT name || '|' || name_key || '|' || birth_date FROM resident WHERE my_number_hash = ?")) {
            s.setString(1, hasher.hash(myNumber));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String storedHash(String myNumber) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT my_number_hash FROM resident WHERE my_number_hash = ?")) {
            s.setString(1, hasher.hash(myNumber));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                                + " AND table_type = 'BASE TABLE'");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Rows of {@code table} whose text form (every column) holds {@code value}. */
    private long rowsHolding(String table, String value) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM \"" + table + "\" t WHERE strpos(t::text, ?) > 0")) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
