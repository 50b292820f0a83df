package io.sitedeck.fleet;

import java.util.Locale;
import java.util.Optional;

/**
 * MAC addresses in any common notation — {@code 3c:52:82:0a:1b:2c}, {@code 3C-52-82-0A-1B-2C},
 * {@code 3c52.820a.1b2c} (Cisco), {@code 3c5282 0a1b2c}, {@code 3C52820A1B2C} — as the 12 lower-case
 * hex digits the index stores, and what a search box's text can mean: a whole address, or the start
 * of one (at least three bytes, six digits: a vendor prefix).
 */
public final class MacAddress {

    private MacAddress() {
    }

    /** The 12 digits of a whole address, or empty when the text is not one. */
    public static Optional<String> normalise(String text) {
        return digits(text).filter(d -> d.length() == 12);
    }

    /** The digits of a whole address or of its first three bytes or more; empty otherwise. */
    public static Optional<String> prefix(String text) {
        return digits(text).filter(d -> d.length() >= 6 && d.length() <= 12);
    }

    /** 3C:52:82:0A:1B:2C, or "" for none. */
    public static String display(String digits) {
        if (digits == null || digits.length() != 12) {
            return "";
        }
        StringBuilder text = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                text.append(':');
            }
            text.append(digits, i, i + 2);
        }
        return text.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Hex digits with the separators people use (colon, hyphen, dot, space) taken out; empty when
     * anything else is in the text, or when separators are not where an address has them (so
     * "10.0.20.37" or a name is never read as a MAC).
     */
    private static Optional<String> digits(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        StringBuilder digits = new StringBuilder(12);
        int sinceSeparator = 0;
        char separator = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                digits.append(c);
                sinceSeparator++;
            } else if (c == ':' || c == '-' || c == '.' || c == ' ') {
                // Pairs (3c:52), or groups of four (Cisco's 3c52.820a), or six (3c5282 0a1b2c); one kind.
                if ((separator != 0 && c != separator) || (sinceSeparator != 2 && sinceSeparator != 4 && sinceSeparator != 6)) {
                    return Optional.empty();
                }
                separator = c;
                sinceSeparator = 0;
            } else {
                return Optional.empty();
            }
        }
        if (digits.length() > 12) {
            return Optional.empty();
        }
        return Optional.of(digits.toString());
    }
}
