package io.shikaku.common.access;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * "Now" for the access rule in a service that produces no {@link Clock} of its own (the rule's beans are in every
 * service that uses common); a service's own clock (tests move it to let a consent's 24 hours pass) takes precedence.
 */
@Singleton
public class AccessClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
