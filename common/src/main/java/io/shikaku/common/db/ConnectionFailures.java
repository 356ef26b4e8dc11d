package io.shikaku.common.db;

import java.net.ConnectException;

import io.vertx.core.http.ConnectionPoolTooBusyException;

/** Tells the failures that mean "no database connection could be had" from the failures of the work itself. */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /** No connection within the acquire timeout, the wait queue full, or the database refusing connections. */
    public static boolean noConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof ConnectException || starvation(t)) {
                return true;
            }
        }
        return false;
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

    private static boolean starvation(Throwable t) {
        return t instanceof BoundedWaitPool.ConnectionWaitTimeout || t instanceof ConnectionPoolTooBusyException;
    }
}
