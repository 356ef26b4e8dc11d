package io.shikaku.common.event;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Wakes the relay when a transaction that wrote outbox rows commits: the outbox table's trigger notifies channel
 * {@code outbox}, which PostgreSQL delivers only on commit, and to every replica that listens. A lost connection is
 * re-established; meanwhile the relay's timer keeps it going.
 */
@ApplicationScoped
public class OutboxWakeUp {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);
    private static final String CHANNEL = "outbox";

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private PgSubscriber subscriber;

    void listen(Runnable relay) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.split(",")[0]).setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL).handler(payload -> relay.run());
        subscriber.connect().subscribe().with(
                connected -> LOG.debug("The outbox relay listens for new events"),
                failure -> LOG.warnf("The outbox relay cannot listen for new events (its timer goes on): %s",
                        failure.getClass().getName()));
    }

    @PreDestroy
    void close() {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
