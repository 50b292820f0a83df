package io.sitedeck.fleet;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every NOC view of a scope shows alike — its sites, its devices down, the tiles as HTML —
 * read and drawn once per change of the scope's index (its latest {@code changed_at}, one indexed
 * query per view) instead of on every view: with 1,000 sites the tiles are 400 KB of HTML. Drawn
 * tiles are kept at most a minute, so their "since" ages stay right. Drawn tiles are kept per tenant
 * (their note badges); the down list's note owners and a tag filter's tiles are the member's own and
 * never kept.
 */
@ApplicationScoped
class NocSnapshots {

    /** The most devices down a snapshot holds (the page shows the first 200 of those in its filter). */
    static final int MOST_DOWN = 2_000;

    record Snapshot(Instant version, List<FleetSite> sites, List<DownDevice> down, Map<Integer, String> names,
                    List<String> teams, FleetQueries.Completeness completeness, Map<String, Drawn> tiles) {}

    /** Tiles drawn for one tenant and team filter (UTF-8 HTML), in the minute they were drawn. */
    record Drawn(byte[] html, long minute) {}

    private final Map<String, Snapshot> byScope = new ConcurrentHashMap<>();
    private final Map<String, Object> rebuilding = new ConcurrentHashMap<>();
    private final FleetQueries queries;

    NocSnapshots(FleetQueries queries) {
        this.queries = queries;
    }

    Snapshot of(String scope) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Instant version = queries.version(scope);
            Snapshot kept = byScope.get(scope);
            if (kept != null && Objects.equals(kept.version(), version)) {
                return kept;
            }
            // One rebuild per scope at a time: the views that come while it runs (every open NOC
            // page reloads on the same webhook) take what it built instead of each reading it again.
            synchronized (rebuilding.computeIfAbsent(scope, s -> new Object())) {
                Snapshot built = byScope.get(scope);
                return built != null && Objects.equals(built.version(), version) ? built : read(scope, version);
            }
        });
    }

    private Snapshot read(String scope, Instant version) {
        // Two queries: the names, teams and completeness are the sites' own.
        List<FleetSite> sites = queries.sites(scope);
        Map<Integer, String> names = sites.stream().collect(Collectors.toMap(s -> s.agentId, s -> s.name, (a, b) -> a));
        List<String> teams = sites.stream().map(s -> s.team).filter(Objects::nonNull).distinct().sorted().toList();
        FleetQueries.Completeness completeness = new FleetQueries.Completeness(sites.size(),
                sites.stream().filter(FleetSite::devicesKnown).count(),
                sites.stream().map(s -> s.devicesAsOf).filter(Objects::nonNull).min(Instant::compareTo).orElse(null));
        Snapshot fresh = new Snapshot(version, sites, queries.downNow(scope, MOST_DOWN), names, teams, completeness,
                new ConcurrentHashMap<>());
        byScope.put(scope, fresh);
        return fresh;
    }

    /**
     * The tiles of a tenant (their note badges are the tenant's) for a team filter, drawn by
     * {@code draw} at most once a minute per snapshot: a new note shows on its tile within a minute.
     */
    byte[] tiles(Snapshot snapshot, long tenantId, String team, Instant now, Function<String, String> draw) {
        long minute = now.getEpochSecond() / 60;
        String key = tenantId + "|" + (team == null ? "" : team);
        Drawn drawn = snapshot.tiles().get(key);
        if (drawn == null || drawn.minute() != minute) {
            // Drawn by one view; the others that come in the same moment (every open NOC page at the
            // turn of the minute) wait for it rather than each drawing 1,000 tiles at once.
            drawn = snapshot.tiles().compute(key, (k, kept) -> kept != null && kept.minute() == minute ? kept
                    : new Drawn(draw.apply(team).getBytes(StandardCharsets.UTF_8), minute));
        }
        return drawn.html();
    }
}
