package io.shikaku.medication.demo;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Seeds the projection of eligibility's demo persons once (their demo migrations publish no events), as a migration set
 * of its own with its own history table, so that the demo dispensings the run command feeds attach to them. Enabled
 * only by {@code shikaku.demo-data.enabled}; never in production.
 */
@Singleton
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

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
        LOG.infof("Demo data: %d script(s) applied", applied);
    }
}
