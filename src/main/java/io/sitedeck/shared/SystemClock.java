package io.sitedeck.shared;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock of Sitedeck: every bean that needs "now" injects {@link Clock} and asks it, so a
 * test can move time instead of sleeping (the tests' own clock replaces this default bean).
 * {@code LayeringTest} keeps {@code Instant.now()} and {@code System.currentTimeMillis()} out of
 * the rest of the code.
 */
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
