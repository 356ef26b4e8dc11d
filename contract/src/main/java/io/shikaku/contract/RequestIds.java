package io.shikaku.contract;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request-id rule of API.md: every response carries {@code X-Request-Id}, the caller's when it is short and plain,
 * else a fresh UUID; the gateway and every service apply the same rule.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String sanitize(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
