package io.sitedeck.domotz;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * After a 429, one key stops calling Domotz until its window allows: for {@code Retry-After}
 * when Domotz sends it, otherwise for an exponentially growing pause (initial × 2^strikes, capped)
 * with jitter, so many instances or keys do not come back at the same second.
 */
final class QuotaBackoff {

    private final Duration initial;
    private final Duration max;
    private int strikes;
    private Instant pausedUntil;

    QuotaBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    synchronized void refused(Long retryAfterSeconds, Instant now) {
        Duration pause;
        if (retryAfterSeconds != null && retryAfterSeconds >= 0) {
            pause = Duration.ofSeconds(retryAfterSeconds);
        } else {
            long doubled = initial.toMillis() << Math.min(strikes, 20);
            long capped = Math.min(doubled, max.toMillis());
            // Full window at worst, half of it at best: spreads the retries of many keys.
            pause = Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        }
        strikes++;
        pausedUntil = now.plus(pause);
    }

    synchronized void succeeded() {
        strikes = 0;
        pausedUntil = null;
    }

    /** Until when this key must not call, or null when it may. */
    synchronized Instant pausedUntil(Instant now) {
        return pausedUntil != null && now.isBefore(pausedUntil) ? pausedUntil : null;
    }
}
