package io.shikaku.gateway.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.shikaku.contract.Problem;

class FailureClassifierTest {

    @Test
    void badTokenIsUnauthenticated() {
        Problem problem = FailureClassifier.problemFor(new CompletionException(new AuthenticationFailedException()), -1,
                false);
        assertEquals(401, problem.status());
        assertEquals("UNAUTHENTICATED", problem.code());
    }

    @Test
    void forbiddenIsForbidden() {
        assertEquals("FORBIDDEN", FailureClassifier.problemFor(new ForbiddenException(), -1, false).code());
    }

    @Test
    void unreachableProviderIsUnavailable() {
        Problem problem = FailureClassifier.problemFor(
                new AuthenticationFailedException(new OIDCException(new ConnectException("refused"))), -1, false);
        assertEquals(503, problem.status());
        assertEquals("UNAVAILABLE", problem.code());
    }

    @Test
    void bareStatusKeepsItsStatus() {
        assertEquals(405, FailureClassifier.problemFor(null, 405, false).status());
        assertEquals(404, FailureClassifier.problemFor(null, 404, false).status());
    }

    @Test
    void anyFailureWhileVerifyingTheTokenIsUnauthenticatedNotAnInternalError() {
        Problem problem = FailureClassifier.problemFor(new ArrayIndexOutOfBoundsException(1), -1, true);
        assertEquals(401, problem.status());
        assertEquals("UNAUTHENTICATED", problem.code());
    }

    @Test
    void providerDownWhileVerifyingTheTokenIsStillUnavailable() {
        Problem problem = FailureClassifier.problemFor(
                new OIDCException("OIDC Server is not available", new ConnectException("refused")), -1, true);
        assertEquals(503, problem.status());
    }

    @Test
    void anyOtherOidcFailureIsNotMistakenForTheProviderBeingDown() {
        assertEquals(401, FailureClassifier.problemFor(new OIDCException("Invalid token type"), -1, true).status());
    }

    @Test
    void anythingElseIsAnInternalErrorWithoutDetails() {
        Problem problem = FailureClassifier.problemFor(new IllegalStateException("secret internals"), -1, false);
        assertEquals(500, problem.status());
        assertEquals("The gateway could not process the request.", problem.detail());
    }
}
