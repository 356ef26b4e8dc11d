package io.shikaku.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

/** Decides the request id: the caller's when it is short and plain, else a fresh UUID. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String sanitize(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
