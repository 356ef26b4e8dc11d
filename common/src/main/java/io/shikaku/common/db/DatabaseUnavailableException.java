package io.shikaku.common.db;

/** A request's database work could not get a connection; answered {@code 503 UNAVAILABLE} with {@code Retry-After}. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(Throwable cause) {
        super("No database connection could be had", cause, false, false);
    }

    static DatabaseUnavailableException of(Throwable failure) {
        return failure instanceof DatabaseUnavailableException known
                ? known
                : new DatabaseUnavailableException(failure);
    }
}
