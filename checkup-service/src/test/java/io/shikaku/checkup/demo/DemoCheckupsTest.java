package io.shikaku.checkup.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shikaku.checkup.support.CheckupUploads;
import io.shikaku.common.demo.DemoDataLoader;
import io.shikaku.common.testing.Tokens;

/**
 * The demo checkups that {@code bin/shikaku up} posts are all accepted for the demo persons (seeded coverage, db/demo),
 * and show every judgement; posting them again changes nothing.
 */
@QuarkusTest
class DemoCheckupsTest {

    private static final String PATIENT_DEMO = "00000000-0000-4000-8000-000000000001";
    private static final String SPOUSE = "00000000-0000-4000-8000-000000000002";

    @Inject
    AgroalDataSource db;

    @Inject
    DemoDataLoader demo;

    @Test
    void theDemoBatchIsAcceptedWholeForTheDemoPersonsAndASecondRunAddsNothing() throws Exception {
        demo.load();
        String body = Files.readString(Path.of("demo/checkup-batch.json"));
        Response first = post(body);
        JsonPath report = CheckupUploads.awaitCompleted(first);
        assertEquals(5, report.getInt("accepted"));
        assertEquals(0, report.getInt("rejected"));
        post(body).then().statusCode(202).header("Location", first.header("Location"));

        assertEquals(List.of("PRE_METABOLIC", "MEETS_CRITERIA", "MEETS_CRITERIA"), judgements(PATIENT_DEMO));
        assertEquals(List.of("NOT_APPLICABLE", "PRE_METABOLIC"), judgements(SPOUSE));
    }

    private static Response post(String body) {
        return given().auth().oauth2(Tokens.insurer("06130017")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "demo-checkups-1").body(body)
                .post("/api/v1/insurers/06130017/checkup-batches");
    }

    private List<String> judgements(String person) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT metabolic_syndrome"
                        + " FROM checkup WHERE person_id = ?::uuid ORDER BY examined_on")) {
            s.setString(1, person);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }
}
