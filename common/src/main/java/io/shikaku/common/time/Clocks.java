package io.shikaku.common.time;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one source of "now" in every service (a consent's 24 hours, DOMAIN.md §4; retention, §6, §7, §11; dates not in
 * the future), so that tests move time instead of sleeping: a service's own tests with an alternative {@link Clock}
 * bean (the test kit's {@code AdjustableClock}), the end-to-end tests through {@code shikaku.clock.offset-file}
 * ({@link OffsetFileClock}), which nothing but those tests sets.
 */
@Singleton
public class Clocks {

    private static final Logger LOG = Logger.getLogger(Clocks.class);

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "shikaku.clock.offset-file") Optional<Path> offsetFile) {
        if (offsetFile.isEmpty()) {
            return Clock.systemUTC();
        }
        LOG.warnf("The clock is moved by the duration in %s (for end-to-end tests only)", offsetFile.get());
        return new OffsetFileClock(offsetFile.get());
    }
}
