package io.shikaku.eligibility.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code shikaku_eligibility_checks_total} from {@code /q/metrics}, as Prometheus would. */
public final class CheckCounts {

    private CheckCounts() {
    }

    /** The count of checks by {@code method} at a facility of {@code facilityType} that answered {@code validity}. */
    public static double of(String method, String facilityType, String validity) {
        Matcher m = Pattern.compile("(?m)^shikaku_eligibility_checks_total\\{facility_type=\"" + facilityType
                + "\",method=\"" + method + "\",validity=\"" + validity + "\",?} (\\S+)$")
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** How many series the counter has. */
    public static long series() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("shikaku_eligibility_checks_total{")).count();
    }
}
