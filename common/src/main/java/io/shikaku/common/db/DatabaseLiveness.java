package io.shikaku.common.db;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Fails liveness once the pool has had no connection to give for longer than {@code shikaku.db.wedged-after}, so
 * that Kubernetes restarts a wedged service; a database that is down is readiness's business, not a restart's.
 */
@Liveness
@ApplicationScoped
public class DatabaseLiveness implements AsyncHealthCheck {

    public static final String NAME = "Database connections liveness check";

    @Inject
    ConnectionProbe probe;

    @ConfigProperty(name = "shikaku.db.wedged-after", defaultValue = "60s")
    Duration wedgedAfter;

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.probe().map(outcome -> {
            Duration starved = probe.starvedFor();
            boolean wedged = !outcome.connected() && starved.compareTo(wedgedAfter) >= 0;
            return HealthCheckResponse.named(NAME).status(!wedged)
                    .withData("starvedFor", starved.toString())
                    .withData("wedgedAfter", wedgedAfter.toString()).build();
        });
    }
}
