package io.shikaku.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.shikaku.contract.Problem;

/** Maps a routing failure (an exception, or a bare status) to the problem the caller gets. */
final class FailureClassifier {

    /** What Quarkus OIDC says when discovery or the key set cannot be fetched. */
    private static final String PROVIDER_NOT_AVAILABLE = "OIDC Server is not available";

    private FailureClassifier() {
    }

    /**
     * @param duringAuthentication whether the failure was raised while the bearer token was being verified: whatever
     *        a token makes the verifier throw (a token of only dots, bad base64, a JSON array header) is the caller's
     *        fault and answered 401, unless the provider could not be reached
     */
    static Problem problemFor(Throwable failure, int statusCode, boolean duringAuthentication) {
        Throwable root = unwrap(failure);
        if (root == null) {
            return statusCode >= 400 ? Problems.forStatus(statusCode) : Problems.internal();
        }
        if (providerUnreachable(root)) {
            return Problems.providerUnavailable();
        }
        if (root instanceof AuthenticationException || root instanceof UnauthorizedException || duringAuthentication) {
            return Problems.unauthenticated();
        }
        if (root instanceof ForbiddenException) {
            return Problems.forbidden();
        }
        return statusCode >= 400 ? Problems.forStatus(statusCode) : Problems.internal();
    }

    /** Whether the failure is the OIDC provider being down rather than the token being bad. */
    private static boolean providerUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || (t instanceof OIDCException && PROVIDER_NOT_AVAILABLE.equals(t.getMessage()))) {
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
