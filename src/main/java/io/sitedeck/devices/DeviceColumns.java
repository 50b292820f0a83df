package io.sitedeck.devices;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which columns a devices table shows besides the name (always shown): from the URL's {@code cols}
 * (a saved view keeps them), else the member's choice, else all. Read leniently: unknown ids are dropped.
 */
public record DeviceColumns(Set<String> shown) {

    /** A column the chooser offers. */
    public record Column(String id, String label, boolean shown) {
    }

    private static final List<String> IDS = List.of("ip", "mac", "vendor", "type", "importance", "status", "zone",
            "latency");
    private static final List<String> LABELS = List.of("IP", "MAC", "Vendor / model", "Type", "Importance", "Status",
            "Zone / room", "Latency");

    public static final DeviceColumns ALL = new DeviceColumns(Set.copyOf(IDS));

    /** Comma-separated ids; null or blank is "no choice made" (all columns), "none" is the name alone. */
    public static DeviceColumns parse(String csv) {
        if (csv == null || csv.isBlank()) {
            return ALL;
        }
        return of(Arrays.asList(csv.split(",")));
    }

    public static DeviceColumns of(List<String> ids) {
        Set<String> known = ids.stream().map(id -> id.trim().toLowerCase(Locale.ROOT)).filter(IDS::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new DeviceColumns(Set.copyOf(known));
    }

    /** True when every id is a column (for refusing a hand-made form). */
    public static boolean allKnown(List<String> ids) {
        return ids.stream().allMatch(id -> IDS.contains(id.trim().toLowerCase(Locale.ROOT)));
    }

    public boolean has(String id) {
        return shown.contains(id);
    }

    /**
     * Classes for the table that hide the columns not shown (sitedeck.css, by position). The template draws every
     * column: a condition per cell doubled the site page's CPU (bench/console-load.sh); hidden cells cost bytes only.
     */
    public String hiddenClasses() {
        return IDS.stream().filter(id -> !shown.contains(id)).map(id -> "hide-" + id).collect(Collectors.joining(" "));
    }

    /** The ids in the table's order; "none" for the name alone (so it differs from "no choice"). */
    public String csv() {
        String csv = IDS.stream().filter(shown::contains).collect(Collectors.joining(","));
        return csv.isEmpty() ? "none" : csv;
    }

    public List<Column> choices() {
        return IntStream.range(0, IDS.size())
                .mapToObj(i -> new Column(IDS.get(i), LABELS.get(i), shown.contains(IDS.get(i)))).toList();
    }
}
