package io.sitedeck.fleet;

import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceBaseType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Domotz's answers as rows of the fleet index: which field goes where, clipped to its column. */
final class FleetRows {

    private FleetRows() {
    }

    /** The catalogue's labels by type id, as rows name their type. */
    static Map<Integer, String> typeNames(List<DeviceBaseType> types) {
        Map<Integer, String> names = new HashMap<>();
        for (DeviceBaseType type : types) {
            if (type.id() != null && type.label() != null) {
                names.put(type.id(), type.label());
            }
        }
        return names;
    }

    static void fill(FleetDevice row, Device device, Map<Integer, String> typeNames, Instant asOf, FleetSource source) {
        row.name = clip(device.name() == null ? "" : device.name(), 300);
        row.nameLc = lower(row.name);
        addresses(row, device.ipAddresses());
        row.mac = MacAddress.normalise(device.hwAddress()).orElse(null);
        row.named = named(device, row);
        row.vendor = clip(device.userData() != null && device.userData().vendor() != null ? device.userData().vendor()
                : device.vendor(), 300);
        row.model = clip(device.userData() != null && device.userData().model() != null ? device.userData().model()
                : device.model(), 300);
        row.typeId = device.type() == null ? null : device.type().id();
        row.detectedTypeId = device.type() == null ? null : device.type().detectedId();
        row.typeName = row.typeId == null ? null : clip(typeNames.get(row.typeId), 200);
        row.importance = device.importance() == null ? null : device.importance().name();
        row.status = device.status() == null ? null : device.status().name();
        row.statusSince = device.lastStatusChange();
        row.zone = device.details() == null ? null : clip(device.details().zone(), 300);
        row.room = device.details() == null ? null : clip(device.details().room(), 300);
        row.firstSeen = device.firstSeenOn();
        row.haystack = haystack(row);
        row.asOf = asOf;
        row.source = source;
    }

    /** A device a webhook announced: only its id is known until its site's list is read. */
    static FleetDevice discovered(String scope, int agentId, int deviceId, Instant at, Instant now) {
        FleetDevice row = new FleetDevice();
        row.scope = scope;
        row.agentId = agentId;
        row.deviceId = deviceId;
        row.name = "New device " + deviceId;
        row.nameLc = lower(row.name);
        row.ips = " ";
        row.status = "ONLINE";
        row.statusSince = at;
        row.firstSeen = at;
        row.haystack = "";
        row.asOf = now;
        row.source = FleetSource.WEBHOOK;
        return row;
    }

    static void addresses(FleetDevice row, List<String> addresses) {
        List<String> clean = addresses.stream().filter(Objects::nonNull).map(String::strip).filter(a -> !a.isEmpty())
                .map(a -> a.toLowerCase(Locale.ROOT)).toList();
        row.primaryIp = clean.isEmpty() ? null : clip(clean.get(0), 64);
        String joined = " " + String.join(" ", clean) + " ";
        row.ips = joined.length() > 1000 ? joined.substring(0, joined.lastIndexOf(' ', 999) + 1) : joined;
    }

    static void fill(FleetSite site, Agent agent, Instant asOf, FleetSource source) {
        site.name = clip(agent.displayName() == null ? "Site " + agent.id() : agent.displayName(), 300);
        site.team = clip(agent.teamName(), 300);
        if (agent.status() != null && agent.status().value() != null) {
            site.agentStatus = agent.status().value().name();
            site.statusSince = agent.status().lastChange();
        }
        site.timezone = clip(agent.timezone(), 60);
        site.asOf = asOf;
        site.source = source;
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * Whether the device has a name of its own: one a person gave it, or one Domotz found that is not
     * just its address (real accounts name unknown devices after their IP or MAC).
     */
    private static boolean named(Device device, FleetDevice row) {
        if (device.userData() != null && device.userData().name() != null && !device.userData().name().isBlank()) {
            return true;
        }
        String name = row.nameLc.strip();
        return !name.isEmpty() && !row.ips.contains(" " + name + " ")
                && !MacAddress.normalise(name).map(mac -> mac.equals(row.mac)).orElse(false);
    }

    private static String haystack(FleetDevice row) {
        String text = Stream.of(row.vendor, row.model, row.typeName, row.zone, row.room).filter(Objects::nonNull)
                .collect(Collectors.joining(" | "));
        return clip(lower(text), 1500);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
