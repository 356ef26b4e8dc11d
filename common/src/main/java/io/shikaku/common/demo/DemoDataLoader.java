package io.shikaku.common.demo;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads a service's demo data ({@code db/demo} on its classpath: eligibility's demo persons, the other services'
 * projection of them, since eligibility's demo migrations publish no events) once, as a migration set of its own with
 * its own history table, so that a second start finds it and adds nothing. Only where {@code shikaku.demo-data.enabled}
 * (the run command's {@code SHIKAKU_DEMO_DATA=true}); never in production.
 */
@Singleton
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "shikaku.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            LOG.infof("Demo data: %d script(s) applied", load());
        }
    }

    /** Applies the demo scripts not applied yet; how many it applied. */
    public int load() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/demo")
                .table("demo_data_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate().migrationsExecuted;
    }
}
