package io.shikaku.medication.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one source of "now" for consents (24 hours, DOMAIN.md §4), retention (3 years, §6) and dates not in the future,
 * so that tests move time with an alternative {@link Clock} bean instead of sleeping.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
