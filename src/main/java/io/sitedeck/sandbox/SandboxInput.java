package io.sitedeck.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads path and query values as a cell does: anything malformed is a 400 naming the problem. */
final class SandboxInput {

    /** A history window; Domotz defaults to the week up to now. */
    record Window(Instant from, Instant to) {}

    private SandboxInput() {
    }

    static int id(String text, String name) {
        try {
            return Integer.parseInt(text.trim());
        } catch (RuntimeException notANumber) {
            throw SandboxError.badRequest(name + " must be an integer, got '" + text + "'");
        }
    }

    static Integer optionalInt(String text, String name) {
        return text == null || text.isBlank() ? null : id(text, name);
    }

    static boolean bool(String text, String name, boolean fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw SandboxError.badRequest(name + " must be true or false, got '" + text + "'");
        };
    }

    /** Accepts yyyy-MM-ddTHH:mm:ss (UTC), with or without Z or an offset. */
    static Instant time(String text, String name) {
        // An unencoded "+00:00" arrives as " 00:00" after query decoding; read it as meant.
        String value = text.trim().replace(' ', '+');
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException bad) {
                throw SandboxError.badRequest(name + " must be a date-time as yyyy-MM-ddTHH:mm:ss (UTC), got '"
                        + text + "'");
            }
        }
    }

    static Window window(String fromText, String toText, Instant now, Duration longest) {
        Instant to = toText == null || toText.isBlank() ? now : time(toText, "to");
        Instant from = fromText == null || fromText.isBlank() ? to.minus(Duration.ofDays(7)) : time(fromText, "from");
        if (from.isAfter(to)) {
            throw SandboxError.badRequest("from (" + from + ") must not be after to (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(longest) > 0) {
            throw SandboxError.badRequest("The window from " + from + " to " + to + " is longer than the "
                    + longest.toDays() + " days one request may ask for: ask for shorter windows");
        }
        return new Window(from, to);
    }
}
