package io.shikaku.checkup.support;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;

/** Uploads checkup batches as an insurer system does and waits for their reports, always with a bounded wait. */
public final class CheckupUploads {

    private CheckupUploads() {
    }

    /** Every item the judgement needs, healthy, for a man: NOT_APPLICABLE unless a test changes something. */
    public static Map<String, Object> items() {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("heightCm", 170.0);
        items.put("weightKg", 70.0);
        items.put("waistCm", 90.5);
        items.put("systolic", 118);
        items.put("diastolic", 76);
        items.put("triglycerides", 120);
        items.put("hdl", 55);
        items.put("ldl", 130);
        items.put("fastingGlucose", 95);
        items.put("hba1c", 5.4);
        return items;
    }

    public static Map<String, Object> record(String symbol, String number, String branch, String sex,
            LocalDate examinedOn, Map<String, Object> items) {
        Map<String, Object> record = new HashMap<>();
        record.put("symbol", symbol);
        record.put("number", number);
        record.put("branch", branch);
        record.put("sex", sex);
        record.put("examinedOn", examinedOn.toString());
        record.put("items", items);
        return record;
    }

    public static Response submit(String insurer, String key, List<Map<String, Object>> records) {
        var request = given().auth().oauth2(Tokens.insurer(insurer)).contentType(ContentType.JSON)
                .body(Map.of("records", records));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/insurers/" + insurer + "/checkup-batches");
    }

    /** The path of the report of an accepted batch. */
    public static String report(Response accepted) {
        return URI.create(accepted.header("Location")).getPath();
    }

    /** The report of an accepted batch once it is COMPLETED, with up to 10,000 lines. */
    public static JsonPath awaitCompleted(Response accepted) {
        accepted.then().statusCode(202);
        String location = report(accepted);
        String insurer = location.split("/")[4];
        return KafkaTestKit.await("the batch completed", () -> given().auth().oauth2(Tokens.insurer(insurer))
                .get(location + "?size=10000").then().statusCode(200).extract().jsonPath(),
                json -> "COMPLETED".equals(json.getString("status")));
    }
}
