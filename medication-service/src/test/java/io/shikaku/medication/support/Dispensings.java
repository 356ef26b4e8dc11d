package io.shikaku.medication.support;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;

/** Dispensing records as the claims feed sends them, and the feed's calls, always with a bounded wait. */
public final class Dispensings {

    public static final String PHARMACY = "1340123452";
    public static final String CLINIC = "0110113719";
    /** Loxoprofen sodium 60 mg tablets (ingredient code 1149019). */
    public static final String LOXOPROFEN = "1149019F1560";
    /** Loxoprofen sodium from another maker: the same ingredient. */
    public static final String LOXOPROFEN_GENERIC = "1149019F1021";
    /** Amlodipine 5 mg tablets (ingredient code 2171022). */
    public static final String AMLODIPINE = "2171022F1020";

    private Dispensings() {
    }

    /** A valid record for card number {@code number} (insurer {@link PersonEvents#INSURER}, symbol 1234, branch 00). */
    public static Map<String, Object> record(String number, LocalDate dispensedOn, String drugCode, int days) {
        Map<String, Object> r = new HashMap<>();
        r.put("insurerNumber", PersonEvents.INSURER);
        r.put("symbol", "1234");
        r.put("number", number);
        r.put("branch", "00");
        r.put("dispensedOn", dispensedOn.toString());
        r.put("prescribedOn", dispensedOn.toString());
        r.put("drugCode", drugCode);
        r.put("drugName", drugCode.startsWith("1149019") ? "ロキソニン錠60mg" : "アムロジピン錠5mg");
        r.put("ingredient", drugCode.startsWith("1149019") ? "ロキソプロフェンナトリウム水和物" : "アムロジピンベシル酸塩");
        r.put("quantity", 3);
        r.put("unit", "錠");
        r.put("usage", "1日3回毎食後");
        r.put("days", days);
        r.put("setting", "OUTPATIENT");
        r.put("dispensingFacilityCode", PHARMACY);
        r.put("prescribingFacilityCode", CLINIC);
        return r;
    }

    public static ValidatableResponse submit(String idempotencyKey, List<Map<String, Object>> records) {
        var request = given().auth().oauth2(Tokens.claimsFeed()).contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(Map.of("records", records)).post("/api/v1/claims/dispensing-batches").then();
    }

    public static ValidatableResponse view(String batchId, String query) {
        return given().auth().oauth2(Tokens.claimsFeed()).get("/api/v1/claims/dispensing-batches/" + batchId + query)
                .then();
    }

    /** Submits and waits until the batch is COMPLETED; its id. */
    public static String submitAndComplete(List<Map<String, Object>> records) {
        String batch = submit(null, records).statusCode(202).extract().path("batchId");
        awaitCompleted(batch);
        return batch;
    }

    public static void awaitCompleted(String batch) {
        KafkaTestKit.await("dispensing batch " + batch + " completed", java.time.Duration.ofMinutes(5),
                () -> view(batch, "?size=1").statusCode(200).extract().<String>path("status"), "COMPLETED"::equals);
    }
}
