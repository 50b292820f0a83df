package io.sitedeck.shared;

import java.time.Duration;
import java.time.Instant;

/** "How long ago", short, for status columns: {@code 45 s}, {@code 12 min}, {@code 5 h}, {@code 3 d}. */
public final class Ago {

    private Ago() {
    }

    /** How long something lasted, exact to the minute: {@code 40 s}, {@code 12 min}, {@code 1 h 5 min}. */
    public static String lasted(Duration d) {
        if (d.toMinutes() == 0) {
            return Math.max(0, d.toSeconds()) + " s";
        }
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
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
