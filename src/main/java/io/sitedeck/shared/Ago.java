package io.sitedeck.shared;

import java.time.Duration;
import java.time.Instant;

/** "How long ago", short, for status columns: {@code 45 s}, {@code 12 min}, {@code 5 h}, {@code 3 d}. */
public final class Ago {

    private Ago() {
    }

    public static String since(Instant then, Instant now) {
        if (then == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(then, now).getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400 * 2) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " d";
    }
}
