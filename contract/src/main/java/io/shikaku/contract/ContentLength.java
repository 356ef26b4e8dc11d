package io.shikaku.contract;

/**
 * How the gateway and the services read a declared {@code Content-Length} before accepting a body: a number, or
 * "not declared" (-1) for anything else, which the HTTP layer then refuses or streams under its own limit.
 */
public final class ContentLength {

    public static final long UNDECLARED = -1;

    private ContentLength() {
    }

    public static long declared(String header) {
        if (header == null) {
            return UNDECLARED;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return UNDECLARED;
        }
    }
}
