package io.sitedeck.fleet;

import io.sitedeck.annotations.NoteLookups;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One search box over a scope's fleet index, in ranks ({@link FleetQuery}): exact IP and MAC first,
 * then names (whole, start, words), then address and MAC prefixes, then vendor/model/type/zone/room,
 * all through this instance's Lucene index ({@link FleetSearchIndex}, which also holds what the
 * results show); then the team's notes (text, tags, owner, custom fields) from the database. No
 * Domotz call.
 */
@ApplicationScoped
public class FleetSearch {

    /** A device found, its site's name, and why (what matched). */
    public record Hit(FleetDevice device, String site, String why) {}

    private final NoteLookups notes;
    private final FleetSearchIndex index;

    FleetSearch(NoteLookups notes, FleetSearchIndex index) {
        this.notes = notes;
        this.index = index;
    }

    /** At most {@code limit} hits, best first; none for a blank text. */
    public List<Hit> search(String scope, long tenantId, String text, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<Long, Hit> hits = new LinkedHashMap<>();
        Function<FleetDevice, String> why = FleetQuery.why(q);
        for (FleetSearchIndex.Found found : index.search(scope, FleetQuery.ranks(q), limit)) {
            hits.put(found.device().id, new Hit(found.device(), found.site(), why.apply(found.device())));
        }
        if (hits.size() < limit) {
            List<NoteLookups.Subject> mentioned = notes.mentioning(tenantId, q, limit);
            Set<Integer> sites = mentioned.stream().map(NoteLookups.Subject::agentId).collect(Collectors.toSet());
            if (!sites.isEmpty()) {
                Set<NoteLookups.Subject> wanted = Set.copyOf(mentioned);
                Map<Integer, String> names = FleetSite.<FleetSite>list("scope = ?1 and agentId in ?2", scope, sites).stream()
                        .collect(Collectors.toMap(s -> s.agentId, s -> s.name, (a, b) -> a));
                FleetDevice.<FleetDevice>list("scope = ?1 and agentId in ?2", scope, sites).stream()
                        .filter(d -> wanted.contains(new NoteLookups.Subject(d.agentId, d.deviceId)))
                        .filter(d -> hits.size() < limit)
                        .forEach(d -> hits.putIfAbsent(d.id, new Hit(d, names.getOrDefault(d.agentId, ""), "team note")));
            }
        }
        return new ArrayList<>(hits.values());
    }
}
