package io.sitedeck.devices;

import io.sitedeck.annotations.Notes;
import io.sitedeck.annotations.NotesPanel;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.RtdStatistics;
import io.sitedeck.shared.Ago;
import io.sitedeck.shared.LiveNames;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line of a site's devices table, with its latency against the weekly baseline. The table's cells
 * read the text they show from here ({@link #href}, {@link #vendorModel}…) rather than from expressions
 * in the template: in a 50-row loop every Qute expression part costs a lookup, and a name from outside the
 * loop ({@code view.agent.id}) is first looked for on the row itself, through every value resolver.
 */
public record DeviceRow(int agentId, int id, String name, String ips, String mac, String vendor, String model,
                        String type, String importance, String status, String since, String zone, String room,
                        String kind, Double latencyMs, Double baselineMs, Integer lost, Integer sent, Notes notes) {

    public String href() {
        return "/agents/" + agentId + "/devices/" + id;
    }

    /** The name of the live update that replaces this row's status badge. */
    public String liveTarget() {
        return LiveNames.deviceBadge(agentId, id);
    }

    /** This site's table filtered to one tag. */
    public String tagUrl(String tag) {
        return "/agents/" + agentId + "?q=tag:" + tag;
    }

    public String macText() {
        return mac == null ? "" : mac;
    }

    public String vendorModel() {
        return (vendor == null ? "" : vendor) + " " + (model == null ? "" : model);
    }

    public String typeText() {
        return type == null ? "—" : type;
    }

    public String importanceText() {
        return importance == null ? "" : importance;
    }

    public String zoneRoom() {
        String both = zone == null ? "" : zone;
        return room == null || room.isEmpty() ? both : both + " / " + room;
    }

    public boolean hasLatency() {
        return latencyMs != null;
    }

    public String baselineText() {
        return baselineMs == null ? "?" : baselineMs.toString();
    }

    /** A latency is worth a look when it is over twice its weekly median, or packets were lost. */
    public boolean deviates() {
        return deviates(latencyMs, baselineMs, lost);
    }

    /** The rule on its own, for the device page's latency line. */
    static boolean deviates(Double latencyMs, Double baselineMs, Integer lost) {
        return latencyMs != null && baselineMs != null && latencyMs > 2 * baselineMs && latencyMs > 1
                || lost != null && lost > 0;
    }

    /** What the free-text search looks at: Domotz's fields and the team's notes. */
    String searchable() {
        return String.join(" ", name, ips, mac == null ? "" : mac, vendor == null ? "" : vendor,
                model == null ? "" : model).toLowerCase(Locale.ROOT) + " " + notes.searchable();
    }

    public List<String> tags() {
        return notes.tags();
    }

    public String chip(String tag) {
        return NotesPanel.tagClass(tag);
    }

    /** The same row with the team's notes on the device. */
    public DeviceRow with(Notes teamNotes) {
        return new DeviceRow(agentId, id, name, ips, mac, vendor, model, type, importance, status, since, zone, room,
                kind, latencyMs, baselineMs, lost, sent, teamNotes == null ? Notes.EMPTY : teamNotes);
    }

    public static DeviceRow of(int agentId, Device d, Map<Integer, String> typeLabels, RtdStatistics rtd,
                               Instant now) {
        Integer typeId = d.userData() != null && d.userData().type() != null ? d.userData().type()
                : d.type() == null ? null : d.type().id();
        String vendor = d.userData() != null && d.userData().vendor() != null ? d.userData().vendor() : d.vendor();
        String model = d.userData() != null && d.userData().model() != null ? d.userData().model() : d.model();
        return new DeviceRow(agentId, d.id(), d.name(), String.join(", ", d.ipAddresses()), d.hwAddress(), vendor,
                model,
                typeId == null ? null : typeLabels.getOrDefault(typeId, "Type " + typeId),
                d.importance() == null ? null : d.importance().name(),
                d.status() == null ? "—" : d.status().name(),
                Ago.since(d.lastStatusChange(), now),
                d.details() == null ? null : d.details().zone(),
                d.details() == null ? null : d.details().room(),
                d.kind().name(),
                rtd == null ? null : rtd.latestMedian(),
                rtd == null ? null : rtd.avgMedian(),
                rtd == null ? null : rtd.latestLostPacketCount(),
                rtd == null ? null : rtd.latestSentPacketCount(),
                Notes.EMPTY);
    }
}
