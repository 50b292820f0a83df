package io.sitedeck.domotz;

import java.time.Duration;
import java.time.Instant;

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
        double share = 1 - spread * unitFraction(key.hashCode(), fetchedAt.toEpochMilli());
        return Duration.ofMillis(Math.round(ttl.toMillis() * share));
    }

    /** A fraction in [0, 1) that looks random but is the same for the same inputs (SplitMix64's finaliser). */
    static double unitFraction(int keyHash, long fetchedAtMillis) {
        long z = fetchedAtMillis * 0x9E3779B97F4A7C15L + keyHash;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
