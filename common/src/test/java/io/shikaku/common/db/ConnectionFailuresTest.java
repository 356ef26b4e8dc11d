package io.shikaku.common.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;

/** Which failures mean that no database connection could be had, and which of those mean a starved pool. */
class ConnectionFailuresTest {

    @Test
    void aPoolThatGaveNoConnectionInTimeOrHasAFullQueueIsStarvedEvenWhenWrapped() {
        assertTrue(ConnectionFailures.starved(new BoundedWaitPool.ConnectionWaitTimeout(3000)));
        assertTrue(ConnectionFailures.starved(new CompletionException(new ConnectionPoolTooBusyException("full"))));
        assertTrue(ConnectionFailures.noConnection(
                new CompletionException(new BoundedWaitPool.ConnectionWaitTimeout(3000))));
    }

    @Test
    void aRefusedConnectIsNoConnectionButNotStarvation() {
        ConnectException refused = new ConnectException("Connection refused");
        assertTrue(ConnectionFailures.noConnection(new IllegalStateException(refused)));
        assertFalse(ConnectionFailures.starved(refused));
    }

    @Test
    void failuresOfTheWorkItselfAreNeither() {
        assertFalse(ConnectionFailures.noConnection(new IllegalArgumentException("bad")));
        assertFalse(ConnectionFailures.noConnection(new NoStackTraceThrowable("Pool closed")));
        assertFalse(ConnectionFailures.starved(new IllegalStateException("Timeout")));
    }
}
