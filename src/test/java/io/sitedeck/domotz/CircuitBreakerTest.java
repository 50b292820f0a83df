package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The circuit breaker per cell, on a clock the test moves (issue #14: pure logic, no Quarkus). */
class CircuitBreakerTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void opensAfterTheThresholdAndFailsFastUntilItsTimeIsUp() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30));
        breaker.failed(T0);
        breaker.failed(T0);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(T0));
        assertTrue(breaker.allow(T0));
        breaker.failed(T0);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(T0.plusSeconds(29)));
        assertFalse(breaker.allow(T0.plusSeconds(29)));
        assertEquals(T0.plusSeconds(30), breaker.openUntil());
    }

    @Test
    void letsOneTrialThroughWhenHalfOpenAndClosesOnItsSuccess() {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(30));
        breaker.failed(T0);
        Instant later = T0.plusSeconds(31);
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state(later));
        assertTrue(breaker.allow(later), "the trial");
        assertFalse(breaker.allow(later), "only one trial at a time");
        breaker.succeeded();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(later));
        assertTrue(breaker.allow(later));
    }

    @Test
    void aFailedTrialOpensAgainAndAnAbandonedOneFreesTheTrial() {
        CircuitBreaker breaker = new CircuitBreaker(5, Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            breaker.failed(T0);
        }
        Instant later = T0.plusSeconds(31);
        assertTrue(breaker.allow(later));
        breaker.abandoned();
        assertTrue(breaker.allow(later), "an abandoned trial does not block the next");
        breaker.failed(later);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(later.plusSeconds(1)), "one failed trial reopens it");
        assertEquals(later.plusSeconds(30), breaker.openUntil());
    }
}
