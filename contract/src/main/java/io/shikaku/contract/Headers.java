package io.shikaku.contract;

/** Header names of API.md's conventions that callers, the gateway and the services rely on. */
public final class Headers {

    public static final String REQUEST_ID = RequestIds.HEADER;
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String RETRY_AFTER = "Retry-After";

    private Headers() {
    }
}
