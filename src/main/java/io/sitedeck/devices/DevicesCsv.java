package io.sitedeck.devices;

import io.sitedeck.annotations.Notes;
import io.sitedeck.shared.Csv;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A site's devices table as CSV: the table's columns, then the team's notes, one column per custom field. */
public final class DevicesCsv {

    private static final List<String> COLUMNS = List.of("id", "name", "status", "importance", "type", "kind",
            "ip_addresses", "mac", "vendor", "model", "zone", "room", "latency_ms", "usual_latency_ms", "owner", "tags",
            "note");

    private DevicesCsv() {
    }

    public static Csv of(List<DeviceRow> rows) {
        Set<String> fieldNames = new LinkedHashSet<>();
        rows.forEach(r -> r.notes().fields().forEach(f -> fieldNames.add(f.name())));
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(fieldNames);
        Csv csv = new Csv().row(header);
        for (DeviceRow r : rows) {
            Notes n = r.notes();
            List<Object> cells = new ArrayList<>(List.of(r.id(), r.name(), r.status(), text(r.importance()),
                    text(r.type()), r.kind(), r.ips(), text(r.mac()), text(r.vendor()), text(r.model()), text(r.zone()),
                    text(r.room()), text(r.latencyMs()), text(r.baselineMs()), n.owner(), String.join(" ", n.tags()),
                    n.note()));
            fieldNames.forEach(name -> cells.add(text(n.field(name))));
            csv.row(cells);
        }
        return csv;
    }

    private static Object text(Object value) {
        return value == null ? "" : value;
    }
}
