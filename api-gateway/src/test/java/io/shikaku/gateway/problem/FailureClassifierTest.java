package io.shikaku.gateway.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;

class FailureClassifierTest {

    @Test
    void badTokenIsUnauthenticated() {
        Problem problem = FailureClassifier.problemFor(new CompletionException(new AuthenticationFailedException()), -1);
        assertEquals(401, problem.status());
        assertEquals("UNAUTHENTICATED", problem.code());
    }

    @Test
    void forbiddenIsForbidden() {
        assertEquals("FORBIDDEN", FailureClassifier.problemFor(new ForbiddenException(), -1).code());
    }

    @Test
    void unreachableProviderIsUnavailable() {
        Problem problem = FailureClassifier.problemFor(
                new AuthenticationFailedException(new OIDCException(new ConnectException("refused"))), -1);
        assertEquals(503, problem.status());
        assertEquals("UNAVAILABLE", problem.code());
    }

    @Test
    void bareStatusKeepsItsStatus() {
        assertEquals(405, FailureClassifier.problemFor(null, 405).status());
        assertEquals(404, FailureClassifier.problemFor(null, 404).status());
    }

    @Test
    void anythingElseIsAnInternalErrorWithoutDetails() {
        Problem problem = FailureClassifier.problemFor(new IllegalStateException("secret internals"), -1);
        assertEquals(500, problem.status());
        assertEquals("The gateway could not process the request.", problem.detail());
    }
}
