package io.shikaku.common.testing;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the verified-token cache's hits from {@code /q/metrics}, so that a test sees a token served from the cache
 * (never by timing it).
 */
public final class TokenCacheMetrics {

    private static final Pattern HITS = Pattern
            .compile("(?m)^shikaku_token_cache_lookups_total\\{[^}]*result=\"hit\"[^}]*} (\\S+)$");

    private TokenCacheMetrics() {
    }

    /** The cache's metrics lines (for failure messages). */
    public static String lines() {
        return given().get("/q/metrics").then().extract().asString().lines()
                .filter(line -> line.startsWith("shikaku_token_cache")).reduce("", (a, b) -> a + b + "\n");
    }

    /** The cache's hits so far (0 before the first). */
    public static double hits() {
        Matcher hits = HITS.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return hits.find() ? Double.parseDouble(hits.group(1)) : 0;
    }
}
