package io.shikaku.common.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;

/**
 * Asks the pool for a connection within a short, fixed time and remembers since when it has had none to give, so
 * that readiness can say DOWN at once and liveness can tell a wedged service from a busy one.
 */
@ApplicationScoped
public class ConnectionProbe {

    /** What one probe found. */
    public record Outcome(boolean connected, String detail) {
    }

    @Inject
    Pool pool;

    @ConfigProperty(name = "shikaku.db.probe-timeout", defaultValue = "2s")
    Duration timeout;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20")
    int maxSize;

    Clock clock = Clock.systemUTC();

    private final AtomicReference<Instant> starvedSince = new AtomicReference<>();

    /**
     * Runs {@code SELECT 1} on a pooled connection; the pool returns that connection whoever stops waiting. Starved means
     * every connection is open and in use and none came free in time; a slow or refused connect is not starvation.
     */
    public Uni<Outcome> probe() {
        return Uni.createFrom().completionStage(() -> pool.query("SELECT 1").execute().toCompletionStage())
                .ifNoItem().after(timeout).failWith(() -> new NoConnectionInTime(timeout))
                .map(rows -> connected())
                .onFailure().recoverWithItem(this::failed);
    }

    /** How long every probe has found the pool unable to give a connection; zero when the last one got one. */
    public Duration starvedFor() {
        Instant since = starvedSince.get();
        return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
    }

    private Outcome connected() {
        starvedSince.set(null);
        return new Outcome(true, "UP");
    }

    private Outcome failed(Throwable failure) {
        boolean allInUse = pool.size() >= maxSize;
        if (ConnectionFailures.starved(failure) || failure instanceof NoConnectionInTime && allInUse) {
            starvedSince.compareAndSet(null, clock.instant());
            return new Outcome(false, "no connection within " + timeout);
        }
        starvedSince.set(null);
        return new Outcome(false, "database unreachable: " + failure.getClass().getSimpleName());
    }

    /** The probe's own deadline passed before the pool gave a connection. */
    static final class NoConnectionInTime extends RuntimeException {
        NoConnectionInTime(Duration timeout) {
            super("No connection within " + timeout, null, false, false);
        }
    }
}
