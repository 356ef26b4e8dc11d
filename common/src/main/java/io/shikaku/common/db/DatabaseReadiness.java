package io.shikaku.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/** Ready only while the pool hands out a connection within the probe timeout; this check itself never hangs. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    public static final String NAME = "Database connections health check";

    @Inject
    ConnectionProbe probe;

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.probe().map(outcome -> HealthCheckResponse.named(NAME).status(outcome.connected())
                .withData("<default>", outcome.detail()).build());
    }
}
