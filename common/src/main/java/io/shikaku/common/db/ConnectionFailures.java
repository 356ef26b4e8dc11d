package io.shikaku.common.db;

import java.net.SocketException;
import java.time.Duration;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Tells the failures that mean "no database connection could be had" from the failures of the work itself. A
 * database that went away under the work counts too (fault suite, issue 13): a connection lost mid-query, or the
 * server refusing it while it shuts down, crashed or is still recovering.
 */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /**
     * No connection within the acquire timeout, the wait queue full, the database refusing connections, or the
     * connection lost: refused, reset or closed under the work, or ended by the server (SQLSTATE class 08, connection exception; 57P01
     * admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
     */
    public static boolean noConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof SocketException
                    || t instanceof ClosedConnectionException || serverEndedConnection(t) || starvation(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean serverEndedConnection(Throwable t) {
        if (!(t instanceof DatabaseException database) || database.getSqlState() == null) {
            return false;
        }
        String state = database.getSqlState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /** The pool had no connection to give: every one in use and none released in time. */
    public static boolean starved(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (starvation(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code work} again, with back-off, for as long as it fails only for want of a database connection: such a
     * failure says nothing about the work, so a consumer must neither park its event nor skip it.
     */
    public static <T> Uni<T> retriedWhileNoConnection(Uni<T> work) {
        return work.onFailure(ConnectionFailures::noConnection).retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely();
    }

    private static boolean starvation(Throwable t) {
        return t instanceof BoundedWaitPool.ConnectionWaitTimeout || t instanceof ConnectionPoolTooBusyException;
    }
}
