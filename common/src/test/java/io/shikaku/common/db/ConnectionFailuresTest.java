package io.shikaku.common.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

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
    void aConnectionLostUnderTheWorkOrEndedByTheServerIsNoConnection() {
        assertTrue(ConnectionFailures.noConnection(new CompletionException(ClosedConnectionException.INSTANCE)));
        assertTrue(ConnectionFailures.noConnection(new java.net.SocketException("Connection reset")));
        assertTrue(ConnectionFailures.noConnection(pg("57P01", "terminating connection due to administrator command")));
        assertTrue(
                ConnectionFailures.noConnection(pg("57P03", "the database system is not yet accepting connections")));
        assertTrue(ConnectionFailures.noConnection(pg("08006", "connection failure")));
        assertFalse(ConnectionFailures.starved(pg("57P03", "the database system is starting up")));
    }

    @Test
    void aDatabaseErrorOfTheWorkItselfIsNot() {
        assertFalse(ConnectionFailures.noConnection(pg("23505", "duplicate key value violates unique constraint")));
        assertFalse(ConnectionFailures.noConnection(pg("40001", "could not serialize access")));
    }

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "FATAL", sqlState, null);
    }

    @Test
    void failuresOfTheWorkItselfAreNeither() {
        assertFalse(ConnectionFailures.noConnection(new IllegalArgumentException("bad")));
        assertFalse(ConnectionFailures.noConnection(new NoStackTraceThrowable("Pool closed")));
        assertFalse(ConnectionFailures.starved(new IllegalStateException("Timeout")));
    }
}
