package io.shikaku.gateway.problem;

import java.util.Locale;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** An RFC 9457 problem detail with the stable {@code code} of API.md; the same shape the services answer with. */
public record Problem(String type, String title, int status, String detail, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem("urn:shikaku:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'), title, status,
                detail, code);
    }

    public static Problem unauthenticated() {
        return of(401, "UNAUTHENTICATED", "Unauthenticated",
                "A valid bearer access token is required.");
    }

    public static Problem forbidden() {
        return of(403, "FORBIDDEN", "Forbidden", "The access token does not carry a role allowed for this resource.");
    }

    public static Problem notFound() {
        return of(404, "NOT_FOUND", "Not Found", "No resource exists at this path.");
    }

    public static Problem payloadTooLarge() {
        return of(413, "PAYLOAD_TOO_LARGE", "Payload Too Large", "The request body is larger than the gateway accepts.");
    }

    public static Problem unavailable() {
        return of(503, "UNAVAILABLE", "Service Unavailable",
                "The service for this request is unavailable; try again later.");
    }

    public static Problem downstreamTimeout() {
        return of(504, "UNAVAILABLE", "Gateway Timeout",
                "The service for this request did not answer in time; it may or may not have processed the request.");
    }

    public static Problem internal() {
        return of(500, "INTERNAL_ERROR", "Internal Server Error", "The gateway could not process the request.");
    }

    /** The status's own problem, for failures the gateway did not anticipate. */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> of(400, "VALIDATION_FAILED", "Bad Request", "The request is malformed.");
            case 401 -> unauthenticated();
            case 403 -> forbidden();
            case 404 -> notFound();
            case 405 -> of(405, "METHOD_NOT_ALLOWED", "Method Not Allowed", "The method is not allowed here.");
            case 413 -> payloadTooLarge();
            case 503 -> unavailable();
            default -> internal();
        };
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("code", code);
    }

    public Buffer toBuffer() {
        return toJson().toBuffer();
    }
}
