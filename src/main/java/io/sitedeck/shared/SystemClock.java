package io.sitedeck.shared;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The one clock of Sitedeck: every bean that needs "now" injects {@link Clock} and asks it, so a
 * test can move time instead of sleeping (the tests' own clock replaces this default bean). Beans
 * take it the same way everywhere, as a package-private field at the top of the class
 * ({@code @Inject Clock clock;}): it is infrastructure every class asks alike, not one of the
 * collaborators their constructors name. Classes that are not beans are handed it.
 * {@code LayeringTest} keeps {@code Instant.now()} and {@code System.currentTimeMillis()} out of
 * the rest of the code.
 *
 * <p>It ticks in whole milliseconds: the databases keep microseconds and round a nanosecond instant, so a row written
 * with "now" could otherwise not be {@code <= now} read back in the same moment (a due outbox entry skipped).
 */
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
