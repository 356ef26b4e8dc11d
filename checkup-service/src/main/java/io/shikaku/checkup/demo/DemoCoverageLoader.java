package io.shikaku.checkup.demo;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Seeds the coverage projection with eligibility's named demo persons once (eligibility loads them by migration and
 * publishes no event for them), with an epoch state time so that any real {@code person-qualifications} event
 * replaces them; the demo checkups are then posted through the batch endpoint like real ones ({@code bin/shikaku up}).
 * Its own migration set and history table; enabled only by {@code shikaku.demo-data.enabled}.
 */
@Singleton
public class DemoCoverageLoader {

    private static final Logger LOG = Logger.getLogger(DemoCoverageLoader.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "shikaku.demo-data.enabled")
    boolean enabled;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        int applied = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/demo")
                .table("demo_data_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate().migrationsExecuted;
        LOG.infof("Demo coverage: %d script(s) applied", applied);
    }
}
