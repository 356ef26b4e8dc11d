package io.shikaku.common.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one source of "now" in every service (a consent's 24 hours, DOMAIN.md §4; retention, §6, §7, §11; dates not in
 * the future), so that tests move time with an alternative {@link Clock} bean (the test kit's {@code AdjustableClock})
 * instead of sleeping.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
