package io.shikaku.common.db;

import java.time.Duration;
import java.util.function.Function;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;

/**
 * A pool whose {@link #getConnection()} gives up after the acquire timeout, and hands a connection that comes after
 * that straight back. Vert.x 4.5's own connection timeout can fail a waiter that the pool is serving at that very
 * moment, and the connection it was given is then never released: under load that wedges the pool by itself.
 */
final class BoundedWaitPool implements PgPool {

    private final Vertx vertx;
    private final PgPool pool;
    private final long timeoutMillis;

    BoundedWaitPool(Vertx vertx, PgPool pool, Duration timeout) {
        this.vertx = vertx;
        this.pool = pool;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
    }

    @Override
    public Future<SqlConnection> getConnection() {
        Promise<SqlConnection> granted = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> granted.tryFail(new ConnectionWaitTimeout(timeoutMillis)));
        pool.getConnection().onComplete(acquired -> {
            vertx.cancelTimer(timer);
            if (acquired.failed()) {
                granted.tryFail(acquired.cause());
            } else if (!granted.tryComplete(acquired.result())) {
                acquired.result().close();
            }
        });
        return granted.future();
    }

    @Override
    public void getConnection(Handler<AsyncResult<SqlConnection>> handler) {
        getConnection().onComplete(handler);
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        return pool.query(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return pool.preparedQuery(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return pool.preparedQuery(sql, options);
    }

    @Override
    public PgPool connectHandler(Handler<SqlConnection> handler) {
        pool.connectHandler(handler);
        return this;
    }

    @Override
    public PgPool connectionProvider(Function<Context, Future<SqlConnection>> provider) {
        pool.connectionProvider(provider);
        return this;
    }

    @Override
    public int size() {
        return pool.size();
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
        pool.close(handler);
    }

    @Override
    public Future<Void> close() {
        return pool.close();
    }

    /** No connection came within the acquire timeout. */
    static final class ConnectionWaitTimeout extends RuntimeException {
        ConnectionWaitTimeout(long millis) {
            super("No connection within " + millis + " ms", null, false, false);
        }
    }
}
