package io.shikaku.contract;

import java.util.Locale;

/**
 * The stable error codes of API.md ("Error codes"), each with the HTTP status it is answered with and its title:
 * every 4xx or 5xx that any service or the gateway sends carries exactly one of these.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Invalid request"),
    UNAUTHENTICATED(401, "Unauthenticated"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    FACILITY_NOT_LIVE(403, "Facility not live"),
    CARD_UNKNOWN(422, "Card unknown"),
    CARD_REVOKED(422, "Card revoked"),
    CARD_EXPIRED(422, "Card expired"),
    CARD_NOT_REGISTERED(422, "Card not registered for insurance use"),
    CARD_ALREADY_REGISTERED(409, "Card already registered"),
    MY_NUMBER_NOT_LINKED(422, "My Number not linked"),
    NO_SINGLE_MATCH(404, "No single match"),
    OUTSIDE_DISASTER_SCOPE(403, "Outside the disaster scope"),
    INVALID_LIFECYCLE_STEP(409, "Invalid lifecycle step"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    RATE_LIMITED(429, "Rate limited"),
    CONFLICT(409, "Conflict"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNAVAILABLE(503, "Service unavailable"),
    TIMEOUT(504, "Timeout"),
    INTERNAL_ERROR(500, "Internal error");

    private static final String TYPE_PREFIX = "urn:shikaku:problem:";

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem {@code type} URI of this code, e.g. {@code urn:shikaku:problem:validation-failed}. */
    public String type() {
        return TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The code for a bare HTTP status that no handler explained (a framework's own 405, 406, 415, 431, …): every
     * status a caller can get maps to a code of API.md.
     */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404, 410 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409, 412 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 502, 503 -> UNAVAILABLE;
            case 504 -> TIMEOUT;
            default -> status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
        };
    }
}
