package io.shikaku.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Maps a routing failure (an exception, or a bare status) to the problem the caller gets. */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static Problem problemFor(Throwable failure, int statusCode) {
        Throwable root = unwrap(failure);
        if (root == null) {
            return statusCode >= 400 ? Problem.forStatus(statusCode) : Problem.internal();
        }
        if (providerUnreachable(root)) {
            return Problem.of(503, "UNAVAILABLE", "Service Unavailable",
                    "The identity provider cannot be reached to verify the access token; try again later.");
        }
        if (root instanceof AuthenticationFailedException || root instanceof UnauthorizedException
                || root instanceof AuthenticationCompletionException) {
            return Problem.unauthenticated();
        }
        if (root instanceof ForbiddenException) {
            return Problem.forbidden();
        }
        return statusCode >= 400 ? Problem.forStatus(statusCode) : Problem.internal();
    }

    /** Whether the failure is the OIDC provider being down rather than the token being bad. */
    private static boolean providerUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OIDCException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
