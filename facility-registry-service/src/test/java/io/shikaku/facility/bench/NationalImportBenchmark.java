package io.shikaku.facility.bench;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.Tokens;
import io.shikaku.facility.master.MasterRows;
import io.shikaku.facility.support.Codes;

/**
 * A program with a report, not a test of speed: imports a national-size master (229,202 facilities of DOMAIN.md
 * §10's mix, about 20 MB) in one request, then the same body again (nothing changes), and prints the wall times. Run
 * with {@code -Dshikaku.bench.import=true -Dtest=NationalImportBenchmark}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "shikaku.bench.import", matches = "true")
class NationalImportBenchmark {

    private static final String[] TYPES = {"HOSPITAL", "MEDICAL_CLINIC", "DENTAL_CLINIC", "PHARMACY"};
    private static final char[] KINDS = {'1', '1', '3', '4'};
    private static final int[] COUNTS = {8_230, 89_425, 70_815, 60_732};
    private static final int[] OFFSETS = {0, 100_000, 0, 0};

    @Test
    void importTheNationalMaster() {
        byte[] csv = nationalCsv();
        System.out.printf("national master: %,d rows, %,d bytes%n", 229_202, csv.length);
        for (String run : new String[] {"first import (all new)", "same body again (no change)"}) {
            long start = System.nanoTime();
            String answer = given().auth().oauth2(Tokens.portalAdmin()).contentType("text/csv").body(csv)
                    .post("/api/v1/facilities/imports").then().statusCode(200)
                    .body("imported", equalTo(229_202)).body("rejected", equalTo(0)).extract().asString();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("%s: %d ms, %s%n", run, took.toMillis(), answer);
        }
    }

    private static byte[] nationalCsv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(24 << 20);
        StringBuilder line = new StringBuilder(256).append(MasterRows.HEADER).append('\n');
        LocalDate start = LocalDate.of(2020, 6, 1);
        int n = 0;
        for (int t = 0; t < TYPES.length; t++) {
            for (int i = 0; i < COUNTS[t]; i++, n++) {
                String prefecture = String.format("%02d", i % 47 + 1);
                String code = Codes.of(prefecture, KINDS[t], OFFSETS[t] + i / 47);
                line.append(code).append(',').append(TYPES[t]).append(',').append(prefecture).append(",\"")
                        .append("Facility ").append(n).append(" (").append(TYPES[t]).append(")\"");
                int stage = n % 5;
                LocalDate day = start.plusDays(n % 500);
                line.append(',').append(stage >= 1 ? day : "");
                line.append(',').append(stage >= 2 ? day.plusDays(30) : "");
                line.append(',').append(stage >= 2 ? (t == 0 ? 1 + n % 3 : 1) : "");
                line.append(',').append(stage >= 3 ? day.plusDays(90) : "");
                line.append(',').append(stage >= 4 ? day.plusDays(120) : "");
                line.append('\n');
                if (line.length() > 64 * 1024) {
                    out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                    line.setLength(0);
                }
            }
        }
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
