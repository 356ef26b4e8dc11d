package io.shikaku.checkup.batch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shikaku.checkup.support.CheckupUploads;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;

/**
 * A batch of the largest size (50,000 results) is accepted and every line attached. The 50,000 members are written
 * straight into the coverage projection (the projection itself is tested through the broker elsewhere). The test
 * prints how long acceptance and attachment took; it asserts no duration.
 */
@QuarkusTest
class LargeCheckupBatchTest {

    private static final String INSURER = "33120015";

    @Inject
    AgroalDataSource db;

    @Test
    void aBatchOf50000MembersResultsIsAcceptedAndEveryLineAttached() throws SQLException, JsonProcessingException {
        String symbol = "L" + UUID.randomUUID().toString().substring(0, 8);
        cover(symbol, CheckupBatches.MAX_RECORDS);
        // twice, for another examination date: the first batch of a fresh service, then a warm one
        for (int round = 1; round <= 2; round++) {
            String body = body(symbol, LocalDate.now().minusMonths(round));
            long start = System.nanoTime();
            Response accepted = given().auth().oauth2(Tokens.insurer(INSURER)).contentType(ContentType.JSON)
                    .body(body).post("/api/v1/insurers/" + INSURER + "/checkup-batches");
            long acceptedAfter = System.nanoTime();
            accepted.then().statusCode(202);
            String report = CheckupUploads.report(accepted);
            JsonPath completed = KafkaTestKit.await("the 50,000-line batch completed", Duration.ofMinutes(10),
                    () -> given().auth().oauth2(Tokens.insurer(INSURER)).get(report + "?size=1")
                            .then().statusCode(200).extract().jsonPath(),
                    json -> "COMPLETED".equals(json.getString("status")));
            long completedAfter = System.nanoTime();

            assertEquals(CheckupBatches.MAX_RECORDS, completed.getInt("accepted"));
            assertEquals(0, completed.getInt("rejected"));
            System.out.printf("50,000-line checkup batch %d (%d MB): accepted in %d ms, completed %d ms after"
                    + " submission%n", round, body.length() / 1_000_000, (acceptedAfter - start) / 1_000_000,
                    (completedAfter - start) / 1_000_000);
        }
    }

    private static String body(String symbol, LocalDate examined) throws JsonProcessingException {
        List<Map<String, Object>> records = new ArrayList<>(CheckupBatches.MAX_RECORDS);
        for (int i = 0; i < CheckupBatches.MAX_RECORDS; i++) {
            Map<String, Object> items = CheckupUploads.items();
            items.put("waistCm", 80 + (i % 20));
            items.put("triglycerides", 100 + (i % 100));
            records.add(CheckupUploads.record(symbol, Integer.toString(i), "00", i % 2 == 0 ? "MALE" : "FEMALE",
                    examined, items));
        }
        return new ObjectMapper().writeValueAsString(Map.of("records", records));
    }

    /** {@code count} persons, each covered by the insurer under symbol and number 0…count-1, in one statement. */
    private void cover(String symbol, int count) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("WITH p AS (INSERT INTO person"
                        + " (id, viewing_suspended, state_time, event_id) SELECT gen_random_uuid(), false, now(),"
                        + " gen_random_uuid() FROM generate_series(1, ?) RETURNING id),"
                        + " n AS (SELECT id, row_number() OVER () - 1 AS i FROM p)"
                        + " INSERT INTO insured_number (person_id, insurer_number, symbol, number, symbol_key, number_key,"
                        + " branch, valid_from) SELECT id, ?, ?, i::text, ?, i::text, '00', date '2015-04-01' FROM n")) {
            s.setInt(1, count);
            s.setString(2, INSURER);
            s.setString(3, symbol);
            s.setString(4, symbol);
            assertEquals(count, s.executeUpdate());
        }
    }
}
