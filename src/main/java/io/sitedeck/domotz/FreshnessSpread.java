package io.sitedeck.domotz;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Spreads the expiry of answers fetched together. A restart, a warm-up or one page that read every site fills the
 * cache within seconds, and with one TTL every answer of that wave would fall due in the same second: a burst of
 * background refreshes (the cell's answers parsed beside people's pages) that shows as the slowest page views of the
 * day. Each answer is fresh for its own share of the TTL, {@code 1 - spread} to {@code 1} of it, fixed by the answer
 * itself (its key and when Domotz sent it) so every read and every instance sharing the store judge it alike. It only
 * ever shortens freshness: no answer is served longer than its TTL allows.
 */
final class FreshnessSpread {

    private final double spread;

    FreshnessSpread(double spread) {
        if (!(spread >= 0 && spread < 1)) {
            throw new IllegalArgumentException("sitedeck.domotz.freshness-spread must be at least 0 and below 1, was "
                    + spread);
        }
        this.spread = spread;
    }

    /** How long this answer stays fresh, given the TTL in force for its kind. */
    Duration freshFor(Duration ttl, CallKey key, Instant fetchedAt) {
        if (spread == 0) {
            return ttl;
        }
        // The JDK's SplitMix64, seeded by the answer: a fraction in [0, 1) that looks random but never changes.
        double fraction = new SplittableRandom(31L * fetchedAt.toEpochMilli() + key.hashCode()).nextDouble();
        return Duration.ofMillis(Math.round(ttl.toMillis() * (1 - spread * fraction)));
    }
}
