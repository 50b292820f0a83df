package io.sitedeck.events;

import io.sitedeck.domotz.DomotzJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the Events page shows: a site, a device, an event type, a time window (UTC), a page.
 * Built from the query string; anything unreadable is named in {@link #problems()}.
 */
public record EventFilter(Integer site, Integer device, String type, Instant from, Instant to, int page,
                          Map<String, String> problems, Map<String, String> raw) {

    public static EventFilter parse(String site, String device, String type, String from, String to, String page) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> raw = new LinkedHashMap<>();
        Integer siteId = id("site", site, problems, raw);
        Integer deviceId = id("device", device, problems, raw);
        String kind = blank(type) ? null : type.trim();
        if (kind != null) {
            raw.put("type", kind);
            if (EventKind.of(kind).isEmpty()) {
                problems.put("type", "Unknown event type '" + kind + "'");
                kind = null;
            }
        }
        Instant start = time("from", from, problems, raw);
        Instant end = time("to", to, problems, raw);
        if (start != null && end != null && start.isAfter(end)) {
            problems.put("to", "'To' is before 'from'");
        }
        int number = 1;
        if (!blank(page)) {
            try {
                number = Math.max(1, Integer.parseInt(page.trim()));
            } catch (NumberFormatException notANumber) {
                problems.put("page", "Page must be a number");
            }
        }
        return new EventFilter(siteId, deviceId, kind, start, end, number, Map.copyOf(problems), raw);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public boolean matches(EventView event) {
        return (site == null || site.equals(event.agentId())) && (device == null || device.equals(event.deviceId()))
                && (type == null || type.equals(event.name()))
                && (from == null || !event.occurredAt().isBefore(from)) && (to == null || !event.occurredAt().isAfter(to));
    }

    /** Live rows make sense when the page shows the newest events: page 1, no end of window. */
    public boolean live() {
        return page == 1 && to == null;
    }

    /** The filter as a query string (without the page), for links, the CSV and the live stream. */
    public String query() {
        return raw.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String value(String field) {
        return raw.getOrDefault(field, "");
    }

    public String pageUrl(int number) {
        String query = query();
        return "/events?" + (query.isEmpty() ? "" : query + "&") + "page=" + number;
    }

    private static Integer id(String field, String text, Map<String, String> problems, Map<String, String> raw) {
        if (blank(text)) {
            return null;
        }
        raw.put(field, text.trim());
        try {
            int id = Integer.parseInt(text.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // named below
        }
        problems.put(field, "'" + text.trim() + "' is not a " + field + " id");
        return null;
    }

    /** {@code 2026-11-26T10:00} (a datetime-local field, read as UTC) or any ISO 8601 date-time. */
    private static Instant time(String field, String text, Map<String, String> problems, Map<String, String> raw) {
        if (blank(text)) {
            return null;
        }
        raw.put(field, text.trim());
        try {
            return DomotzJson.parseInstant(text.trim());
        } catch (DateTimeParseException notATime) {
            problems.put(field, "'" + text.trim() + "' is not a date and time (like 2026-11-26T10:00)");
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
