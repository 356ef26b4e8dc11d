package io.shikaku.common.db;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes the rows of a table whose time column is before an instant, a chunk at a time, each chunk its own short
 * statement: the table's writers never wait behind one long delete, and a purge that fails half-way has still kept
 * what it deleted. The column should carry a BRIN index (rows are written in time order), so that a chunk is found
 * without reading the table.
 */
public final class ChunkedDelete {

    private final String statement;
    private final int chunk;
    private final int maxChunks;

    /**
     * Deletes from {@code table} where {@code column} is before the instant; at most {@code maxChunks} chunks of
     * {@code chunk} rows in one call (the rest waits for the next).
     */
    public ChunkedDelete(String table, String column, int chunk, int maxChunks) {
        this.statement = "DELETE FROM " + table + " WHERE ctid = ANY (ARRAY (SELECT ctid FROM " + table + " WHERE "
                + column + " < $1 LIMIT $2))";
        this.chunk = chunk;
        this.maxChunks = maxChunks;
    }

    /** Deletes the rows before {@code instant}; how many. */
    public Uni<Long> before(Pool pool, Instant instant) {
        Tuple parameters = Tuple.of(instant.atOffset(ZoneOffset.UTC), chunk);
        return Multi.createBy().repeating()
                .uni(() -> pool.preparedQuery(statement).execute(parameters).map(rows -> rows.rowCount()))
                .whilst(deleted -> deleted == chunk)
                .select().first(maxChunks)
                .collect().with(Collectors.summingLong(Integer::longValue));
    }
}
