package io.sitedeck.fleet;

import io.sitedeck.shared.Csv;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Rows of the fleet index as a spreadsheet (the inventory customers ask for), each row with its age and source. */
final class FleetCsv {

    private FleetCsv() {
    }

    static Response of(List<FleetDevice> devices, Map<Integer, String> siteNames, String filename) {
        Csv csv = new Csv().row("site", "agent_id", "device_id", "name", "ip_addresses", "mac", "vendor", "model", "type",
                "importance", "status", "status_since", "zone", "room", "first_seen", "as_of", "source");
        for (FleetDevice d : devices) {
            csv.row(siteNames.getOrDefault(d.agentId, ""), d.agentId, d.deviceId, d.name, d.addresses(), d.macText(),
                    d.vendor, d.model, d.typeName, d.importance, d.status, d.statusSince, d.zone, d.room, d.firstSeen,
                    d.asOf, d.source.label());
        }
        return csv.download(filename);
    }
}
