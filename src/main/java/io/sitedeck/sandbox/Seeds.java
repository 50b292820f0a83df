package io.sitedeck.sandbox;

import java.util.SplittableRandom;

/** Deterministic randomness: the same parts always give the same random stream. */
final class Seeds {

    private Seeds() {
    }

    static SplittableRandom random(long... parts) {
        return new SplittableRandom(mix(parts));
    }

    /** SplitMix64's finaliser folded over the parts. */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h ^= part;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }

    static <T> T pick(SplittableRandom random, java.util.List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
