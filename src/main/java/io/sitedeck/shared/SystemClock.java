package io.sitedeck.shared;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock of Sitedeck: every bean that needs "now" injects {@link Clock} and asks it, so a
 * test can move time instead of sleeping (the tests' own clock replaces this default bean). Beans
 * take it the same way everywhere, as a package-private field at the top of the class
 * ({@code @Inject Clock clock;}): it is infrastructure every class asks alike, not one of the
 * collaborators their constructors name. Classes that are not beans are handed it.
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
