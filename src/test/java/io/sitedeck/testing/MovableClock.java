package io.sitedeck.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The tests' clock: the system's, plus however far a test moved it forward. A test that moves it
 * calls {@link #reset()} when it is done, so the next test class lives in the present again.
 * Replaces {@code shared.SystemClock} in every Quarkus test.
 */
public final class MovableClock extends Clock {

    public static final MovableClock INSTANCE = new MovableClock();

    private volatile Duration offset = Duration.ZERO;

    private MovableClock() {
    }

    /** Moves time forward by {@code step}, for everything in the application at once. */
    public static void advance(Duration step) {
        INSTANCE.offset = INSTANCE.offset.plus(step);
    }

    /** Moves time to {@code instant}, which must lie ahead: time in the application never runs backwards. */
    public static void moveTo(Instant instant) {
        Duration step = Duration.between(INSTANCE.instant(), instant);
        if (step.isNegative()) {
            throw new IllegalArgumentException(instant + " lies in the past");
        }
        advance(step);
    }

    public static void reset() {
        INSTANCE.offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Sitedeck's clock is UTC");
    }

    @Override
    public Instant instant() {
        // Whole milliseconds, as shared.SystemClock ticks.
        return Clock.systemUTC().instant().plus(offset).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** The producer Quarkus finds in the test sources; it outranks the main code's default bean. */
    public static class Producer {
        @Produces
        @Singleton
        Clock clock() {
            return INSTANCE;
        }
    }
}
