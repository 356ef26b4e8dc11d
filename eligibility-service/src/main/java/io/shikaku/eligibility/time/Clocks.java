package io.shikaku.eligibility.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one source of "now" for cards and consent (a consent lasts 24 hours, DOMAIN.md §4), so that tests can move time
 * with an alternative {@link Clock} bean instead of sleeping.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
