package io.sitedeck.domotz;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Fast paths for the two scalars Domotz sends most: timestamps ({@code 2019-06-11T09:08:10Z}, a week of RTD samples
 * is 672 of them per device) and numbers sent as strings ({@code "12.5"}). java.time's formatter and Jackson's number
 * check (a regular expression per value) made a tenth of everything the console allocated under load, for answers
 * that nearly always come in one shape. Each method handles exactly that shape and answers {@code null}/{@code false}
 * for anything else, so the caller falls back to the general parser: the results are the general parsers' own, only
 * sooner ({@code QuickParseTest} compares them).
 */
final class QuickParse {

    private QuickParse() {
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1–9 digits, then {@code Z}, {@code ±HH:MM} or nothing
     * (UTC); null for any other text or an impossible date or time (the general parser then explains why).
     */
    static Instant isoInstant(String text) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (at < length && text.charAt(at) == '.') {
            int start = ++at;
            at = skipDigits(text, at);
            int count = at - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(text, start, count);
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (at == length) {
            offsetSeconds = 0;
        } else if (at == length - 1 && text.charAt(at) == 'Z') {
            offsetSeconds = 0;
        } else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && text.charAt(at + 3) == ':') {
            int offsetHours = digits(text, at + 1, 2);
            int offsetMinutes = digits(text, at + 4, 2);
            if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59
                    || (offsetHours == 18 && offsetMinutes > 0)) {
                return null;
            }
            offsetSeconds = (text.charAt(at) == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        } else {
            return null;
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L
                + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** Whether the text is a plain decimal: {@code -?digits(.digits)?([eE][+-]?digits)?}, nothing around it. */
    static boolean plainDecimal(String text) {
        int length = text.length();
        int at = 0;
        if (at < length && text.charAt(at) == '-') {
            at++;
        }
        int start = at;
        at = skipDigits(text, at);
        if (at == start) {
            return false;
        }
        if (at < length && text.charAt(at) == '.') {
            int fraction = ++at;
            at = skipDigits(text, at);
            if (at == fraction) {
                return false;
            }
        }
        if (at < length && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < length && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            int exponent = at;
            at = skipDigits(text, at);
            if (at == exponent) {
                return false;
            }
        }
        return at == length;
    }

    /** The value of {@code count} decimal digits at {@code from}; -1 if any is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The position after the run of digits that starts at {@code at}. */
    private static int skipDigits(String text, int at) {
        int end = at;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
