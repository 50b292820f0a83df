package io.sitedeck.devices;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site's devices table as the URL describes it: search, filters, sort, hidden devices, page.
 * Read leniently: an unknown value falls back to "any" or the default.
 */
public record DeviceQuery(String q, String status, String importance, String kind, String type, String zone,
                          String room, String sort, boolean descending, boolean showHidden, int page, int size,
                          String cols) {

    static final Set<String> SORTS = Set.of("name", "ip", "mac", "vendor", "type", "importance", "status", "zone",
            "latency");
    static final List<Integer> SIZES = List.of(25, 50, 100, 200);

    public static DeviceQuery parse(Map<String, String> params) {
        String sort = params.getOrDefault("sort", "name");
        int size = number(params.get("size"), 50);
        return new DeviceQuery(text(params.get("q")), text(params.get("status")), text(params.get("importance")),
                text(params.get("kind")), text(params.get("type")), text(params.get("zone")), text(params.get("room")),
                SORTS.contains(sort) ? sort : "name", "desc".equals(params.get("dir")),
                "true".equals(params.get("show_hidden")), Math.max(0, number(params.get("page"), 0)),
                SIZES.contains(size) ? size : 50, text(params.get("cols")));
    }

    /** The columns this URL names (a saved view), else the member's own choice, else all. */
    public DeviceColumns columns(String preferred) {
        return DeviceColumns.parse(cols != null ? cols : preferred);
    }

    /** This view without columns of its own: the member's choice applies (where the column chooser returns). */
    public String pageUrlWithoutColumns() {
        return url(sort, descending, page, null);
    }

    /** This view with its columns named, so a saved view keeps them. */
    public String pageUrlWith(DeviceColumns columns) {
        return url(sort, descending, page, columns.csv());
    }

    /** This view with another sort: the same column again flips the direction. */
    public String sortUrl(String column) {
        return url(column, column.equals(sort) ? !descending : false, 0, cols);
    }

    public String pageUrl(int target) {
        return url(sort, descending, target, cols);
    }

    private String url(String sortBy, boolean desc, int target, String columns) {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "q", q);
        put(params, "status", status);
        put(params, "importance", importance);
        put(params, "kind", kind);
        put(params, "type", type);
        put(params, "zone", zone);
        put(params, "room", room);
        params.put("sort", sortBy);
        if (desc) {
            params.put("dir", "desc");
        }
        if (showHidden) {
            params.put("show_hidden", "true");
        }
        params.put("size", String.valueOf(size));
        params.put("page", String.valueOf(target));
        put(params, "cols", columns);
        StringBuilder url = new StringBuilder("?");
        params.forEach((name, value) -> url.append(url.length() > 1 ? "&" : "").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return url.toString();
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int number(String text, int fallback) {
        try {
            return text == null || text.isBlank() ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException unreadable) {
            return fallback;
        }
    }
}
