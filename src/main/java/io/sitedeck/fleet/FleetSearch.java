package io.sitedeck.fleet;

import io.sitedeck.annotations.NoteLookups;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One search box over a scope's fleet index, in ranks: exact IP and MAC first, then names (whole,
 * start, anywhere), then address and MAC prefixes, then vendor/model/type/zone/room, then the team's
 * notes (text, tags, owner, custom fields). Each rank is one indexed or scoped query of the
 * database; no Domotz call.
 */
@ApplicationScoped
public class FleetSearch {

    /** A device found, and why (what matched). */
    public record Hit(FleetDevice device, String why) {}

    private static final Pattern ADDRESS_START = Pattern.compile("[0-9a-f.:]+");

    private final NoteLookups notes;

    FleetSearch(NoteLookups notes) {
        this.notes = notes;
    }

    /** At most {@code limit} hits, best first; none for a blank text. */
    public List<Hit> search(String scope, long tenantId, String text, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        String lc = q.toLowerCase(Locale.ROOT);
        String like = NoteLookups.like(lc);
        Map<Long, Hit> hits = new LinkedHashMap<>();
        Ranks ranks = new Ranks(scope, hits, limit);
        ranks.add("IP address", "primaryIp = ?2 or ips like ?3 escape '\\'", lc, "% " + like + " %");
        MacAddress.normalise(q).ifPresent(mac -> ranks.add("MAC address", "mac = ?2", mac));
        ranks.add("name", "nameLc = ?2", lc);
        ranks.add("name", "nameLc like ?2 escape '\\'", like + "%");
        ranks.add("name", "nameLc like ?2 escape '\\'", "%" + like + "%");
        if (ADDRESS_START.matcher(lc).matches()) {
            ranks.add("IP address", "ips like ?2 escape '\\'", "% " + like + "%");
        }
        MacAddress.prefix(q).ifPresent(prefix -> ranks.add("MAC address", "mac like ?2", prefix + "%"));
        ranks.add("vendor, model, type, zone or room", "haystack like ?2 escape '\\'", "%" + like + "%");
        if (hits.size() < limit) {
            List<NoteLookups.Subject> mentioned = notes.mentioning(tenantId, q, limit);
            Set<Integer> sites = mentioned.stream().map(NoteLookups.Subject::agentId).collect(Collectors.toSet());
            if (!sites.isEmpty()) {
                Set<NoteLookups.Subject> wanted = Set.copyOf(mentioned);
                FleetDevice.<FleetDevice>list("scope = ?1 and agentId in ?2", scope, sites).stream()
                        .filter(d -> wanted.contains(new NoteLookups.Subject(d.agentId, d.deviceId)))
                        .forEach(d -> ranks.put(d, "team note"));
            }
        }
        return new ArrayList<>(hits.values());
    }

    /** Adds each rank's rows after the better ranks', once each, up to the limit. */
    private record Ranks(String scope, Map<Long, Hit> hits, int limit) {
        void add(String why, String where, Object... values) {
            if (hits.size() >= limit) {
                return;
            }
            Object[] parameters = new Object[values.length + 1];
            parameters[0] = scope;
            System.arraycopy(values, 0, parameters, 1, values.length);
            FleetDevice.<FleetDevice>find("scope = ?1 and (" + where + ") order by nameLc, agentId, deviceId", parameters)
                    .page(0, limit).list().forEach(device -> put(device, why));
        }

        void put(FleetDevice device, String why) {
            if (hits.size() < limit) {
                hits.putIfAbsent(device.id, new Hit(device, why));
            }
        }
    }
}
