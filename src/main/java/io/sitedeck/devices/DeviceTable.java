package io.sitedeck.devices;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Filters, sorts and pages a site's devices on the server. Domotz's listDevices has no paging or
 * search, so the whole (cached) list is filtered here and only one page is rendered.
 */
public final class DeviceTable {

    /** The rows of one page, how many matched in all, and all of them (for an export). */
    public record Page(List<DeviceRow> rows, int matched, int pages, List<DeviceRow> all) {}

    private DeviceTable() {
    }

    public static Page apply(List<DeviceRow> all, DeviceQuery query) {
        List<DeviceRow> matching = matching(all, query);
        int pages = Math.max(1, (matching.size() + query.size() - 1) / query.size());
        int from = Math.min(query.page() * query.size(), matching.size());
        return new Page(matching.subList(from, Math.min(from + query.size(), matching.size())), matching.size(), pages,
                matching);
    }

    /** Every row the query matches, in its order (an export takes them all). */
    public static List<DeviceRow> matching(List<DeviceRow> all, DeviceQuery query) {
        return all.stream()
                .filter(text(query.q()))
                .filter(equal(query.status(), DeviceRow::status))
                .filter(equal(query.importance(), DeviceRow::importance))
                .filter(equal(query.kind(), DeviceRow::kind))
                .filter(equal(query.type(), DeviceRow::type))
                .filter(equal(query.zone(), DeviceRow::zone))
                .filter(equal(query.room(), DeviceRow::room))
                .sorted(order(query))
                .toList();
    }

    /**
     * The search box: {@code tag:printer} words need that tag, the other words must each appear
     * in Domotz's fields or the team's notes ({@code tag:printer anna} = tagged printer, mentions Anna).
     */
    private static Predicate<DeviceRow> text(String q) {
        if (q == null) {
            return row -> true;
        }
        Predicate<DeviceRow> all = row -> true;
        for (String word : q.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (word.startsWith("tag:") && word.length() > 4) {
                String tag = word.substring(4).replaceFirst("^#", "");
                all = all.and(row -> row.tags().contains(tag));
            } else {
                all = all.and(row -> row.searchable().contains(word));
            }
        }
        return all;
    }

    private static Predicate<DeviceRow> equal(String wanted, Function<DeviceRow, String> field) {
        return wanted == null ? row -> true : row -> wanted.equalsIgnoreCase(Objects.toString(field.apply(row), ""));
    }

    private static Comparator<DeviceRow> order(DeviceQuery query) {
        Comparator<DeviceRow> column = switch (query.sort()) {
            case "ip" -> Comparator.comparing(DeviceTable::ipKey);
            case "mac" -> text(DeviceRow::mac);
            case "vendor" -> text(DeviceRow::vendor);
            case "type" -> text(DeviceRow::type);
            case "importance" -> text(DeviceRow::importance);
            case "status" -> text(DeviceRow::status);
            case "zone" -> text(DeviceRow::zone);
            case "latency" -> Comparator.comparing(DeviceRow::latencyMs, Comparator.nullsLast(Comparator.naturalOrder()));
            default -> text(DeviceRow::name);
        };
        Comparator<DeviceRow> directed = query.descending() ? column.reversed() : column;
        return directed.thenComparingInt(DeviceRow::id);
    }

    /** Case-insensitive, without a lower-cased copy of both sides per comparison (a 100-device site sorts ~700 times). */
    private static Comparator<DeviceRow> text(Function<DeviceRow, String> field) {
        return Comparator.comparing(field, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
    }

    /** IPv4 addresses sort by number (10.0.0.9 before 10.0.0.10); others after, as text. */
    private static String ipKey(DeviceRow row) {
        String first = row.ips().split(",")[0].trim();
        String[] parts = first.split("\\.");
        if (parts.length != 4) {
            return "~" + first;
        }
        StringBuilder key = new StringBuilder();
        for (String part : parts) {
            key.append(String.format(Locale.ROOT, "%03d", part.matches("\\d{1,3}") ? Integer.parseInt(part) : 999));
        }
        return key.toString();
    }
}
