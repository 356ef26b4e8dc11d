package io.shikaku.gateway.problem;

import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Problem;

/** The problems the gateway answers by itself, with the contract's codes and titles and the gateway's wording. */
public final class Problems {

    private Problems() {
    }

    public static Problem unauthenticated() {
        return Problem.of(ErrorCode.UNAUTHENTICATED, "A valid bearer access token is required.");
    }

    public static Problem forbidden() {
        return Problem.of(ErrorCode.FORBIDDEN, "The access token does not carry a role allowed for this resource.");
    }

    public static Problem notFound() {
        return Problem.of(ErrorCode.NOT_FOUND, "No resource exists at this path.");
    }

    public static Problem methodNotAllowed() {
        return Problem.of(ErrorCode.METHOD_NOT_ALLOWED, "The method is not allowed here; see the Allow header.");
    }

    public static Problem payloadTooLarge() {
        return Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than the gateway accepts.");
    }

    public static Problem rateLimited() {
        return Problem.of(ErrorCode.RATE_LIMITED,
                "Too many requests from this client for this kind of resource; retry after the time given.");
    }

    public static Problem providerUnavailable() {
        return Problem.of(ErrorCode.UNAVAILABLE,
                "The identity provider cannot be reached to verify the access token; try again later.");
    }

    public static Problem serviceUnavailable() {
        return Problem.of(ErrorCode.UNAVAILABLE, "The service for this request is unavailable; try again later.");
    }

    public static Problem serviceTimeout() {
        return Problem.of(ErrorCode.TIMEOUT,
                "The service for this request did not answer in time; it may or may not have processed the request.");
    }

    /** 408: the caller stopped sending its request body before it was complete. */
    public static Problem bodyStalled() {
        return Problem.of(408, ErrorCode.VALIDATION_FAILED,
                "The request body stopped arriving before it was complete; the request was not processed.");
    }

    public static Problem internal() {
        return Problem.of(ErrorCode.INTERNAL_ERROR, "The gateway could not process the request.");
    }

    /** The problem of a bare status that no handler explained. */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 401 -> unauthenticated();
            case 403 -> forbidden();
            case 404 -> notFound();
            case 405 -> methodNotAllowed();
            case 413 -> payloadTooLarge();
            case 429 -> rateLimited();
            case 503 -> serviceUnavailable();
            case 504 -> serviceTimeout();
            case 500 -> internal();
            default -> Problem.forStatus(status, status >= 500
                    ? "The gateway could not process the request."
                    : "The request cannot be processed as sent.");
        };
    }
}
