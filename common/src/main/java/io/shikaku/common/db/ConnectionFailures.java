package io.shikaku.common.db;

import java.net.ConnectException;
import java.time.Duration;

import io.smallrye.mutiny.Uni;
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
