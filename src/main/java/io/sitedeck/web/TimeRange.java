package io.sitedeck.web;

import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The time window of a history view, from the URL: {@code range=24h|7d|30d}, or
 * {@code range=custom&from=…&to=…} (local date-times in the shown zone), and {@code tz=utc} to
 * show UTC instead of the agent's zone. Anything unreadable falls back to the last 7 days.
 */
@TemplateData
public record TimeRange(String range, Instant from, Instant to, ZoneId zone, boolean utc) {

    public static final List<String> PRESETS = List.of("24h", "7d", "30d");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static TimeRange parse(String range, String from, String to, String tz, String agentZone, Instant now) {
        boolean utc = "utc".equalsIgnoreCase(tz);
        ZoneId zone = utc ? ZoneId.of("UTC") : zoneOf(agentZone);
        if ("custom".equals(range)) {
            try {
                Instant start = LocalDateTime.parse(from, INPUT).atZone(zone).toInstant();
                Instant end = LocalDateTime.parse(to, INPUT).atZone(zone).toInstant();
                if (start.isBefore(end) && Duration.between(start, end).toDays() <= 90) {
                    return new TimeRange("custom", start, end, zone, utc);
                }
            } catch (DateTimeParseException | NullPointerException unreadable) {
                // falls back to a preset below
            }
        }
        String preset = range != null && PRESETS.contains(range) ? range : "7d";
        Duration length = switch (preset) {
            case "24h" -> Duration.ofHours(24);
            case "30d" -> Duration.ofDays(30);
            default -> Duration.ofDays(7);
        };
        // Whole five minutes (the histories' freshness; RTD samples come every 15 min anyway), so
        // every page view within those five minutes asks the cache for the same window.
        Instant minute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant end = minute.minus(Duration.ofMinutes(minute.atZone(java.time.ZoneOffset.UTC).getMinute() % 5));
        return new TimeRange(preset, end.minus(length), end, zone, utc);
    }

    public List<String> presets() {
        return PRESETS;
    }

    public String fromInput() {
        return INPUT.format(from.atZone(zone));
    }

    public String toInput() {
        return INPUT.format(to.atZone(zone));
    }

    /** A time as shown on the page, in the chosen zone. */
    public String show(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone));
    }

    public String zoneName() {
        return zone.getId();
    }

    /** The query string of this window (without tz), to keep it in links. */
    public String query() {
        return "custom".equals(range) ? "range=custom&from=" + fromInput() + "&to=" + toInput() : "range=" + range;
    }

    /**
     * The query string that names exactly this window (from and to, and the zone choice): what a
     * page's parts load with, so they read the very answer the page read, even after the preset's
     * window has moved on.
     */
    public String exactQuery() {
        return "range=custom&from=" + fromInput() + "&to=" + toInput() + (utc ? "&tz=utc" : "");
    }

    /** A zone by name (a site's, as Domotz gives it); none, blank or unknown is UTC. */
    public static ZoneId zoneOf(String name) {
        try {
            return name == null ? ZoneId.of("UTC") : ZoneId.of(name);
        } catch (RuntimeException unknown) {
            return ZoneId.of("UTC");
        }
    }
}
