package io.shikaku.common.db;

import java.time.Duration;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * The reactive pool as Quarkus configures it, plus the bounds Quarkus has no property for: how long a request waits
 * for a connection (see {@link BoundedWaitPool}) and how many may wait, so that an exhausted pool answers quickly
 * instead of after 30 s.
 */
@Singleton
public class BoundedConnectionPool implements PgPoolCreator {

    @ConfigProperty(name = "shikaku.db.acquire-timeout", defaultValue = "3s")
    Duration acquireTimeout;

    @ConfigProperty(name = "shikaku.db.max-waiting", defaultValue = "-1")
    int maxWaiting;

    @Override
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions()).setMaxWaitQueueSize(maxWaiting);
        return new BoundedWaitPool(input.vertx(), PgPool.pool(input.vertx(), input.pgConnectOptionsList(), options),
                acquireTimeout);
    }
}
