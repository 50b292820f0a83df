package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pause after a 429: Retry-After when given, otherwise a growing, jittered, capped one. */
class QuotaBackoffTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void followsRetryAfterWhenDomotzSendsIt() {
        QuotaBackoff backoff = new QuotaBackoff(Duration.ofSeconds(30), Duration.ofMinutes(15));
        backoff.refused(120L, T0);
        assertEquals(T0.plusSeconds(120), backoff.pausedUntil(T0));
        assertNull(backoff.pausedUntil(T0.plusSeconds(120)), "may call again once the pause is over");
    }

    @Test
    void growsBetweenHalfAndAllOfTheDoubledWindowUpToTheCap() {
        QuotaBackoff backoff = new QuotaBackoff(Duration.ofSeconds(30), Duration.ofMinutes(2));
        long[] windows = {30, 60, 120, 120, 120};
        for (long window : windows) {
            backoff.refused(null, T0);
            long pause = Duration.between(T0, backoff.pausedUntil(T0)).toMillis();
            assertTrue(pause >= window * 500 && pause <= window * 1000, "window " + window + " s, pause " + pause + " ms");
        }
        backoff.succeeded();
        assertNull(backoff.pausedUntil(T0));
        backoff.refused(null, T0);
        assertTrue(Duration.between(T0, backoff.pausedUntil(T0)).toSeconds() <= 30, "a success starts over");
    }
}
