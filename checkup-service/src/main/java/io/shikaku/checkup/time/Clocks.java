package io.shikaku.checkup.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one source of "now" for examination dates and the 5-year retention (DOMAIN.md §11), so that tests can move time
 * with an alternative {@link Clock} bean instead of waiting.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
