package io.sitedeck.fleet;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.annotations.NoteLookups;
import io.sitedeck.shared.Ago;
import io.sitedeck.web.Htmx;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The NOC home page: a tile per site (trouble first), every device down across all customers, and
 * the fleet lists — all from the fleet index, no Domotz call. Status changes reload the live part
 * (tiles and "down now") when the event stream says the fleet changed.
 */
@Path("/")
public class NocResource {

    @Inject
    Clock clock;

    static final int DOWN_LIMIT = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance noc(NocView view);

        static native TemplateInstance noc$live(NocView view);
    }

    /** A site's tile as drawn. */
    public record Tile(FleetSite site, String since, String asOf) {
        public String trouble() {
            return switch (site.troubleRank()) {
                case 0 -> "offline";
                case 1 -> "vital";
                case 2 -> "down";
                default -> "ok";
            };
        }
    }

    /** A device down now, with its site and the owner the team's note names. */
    public record DownRow(FleetDevice device, String site, String since, String owner) {}

    public record NocView(boolean connected, List<Tile> tiles, List<DownRow> down, boolean moreDown, List<String> teams,
                          String team, String tag, FleetQueries.Completeness completeness, String oldestAgo,
                          String liveUrl, int newDays) {
        public long vitalDown() {
            return tiles.stream().mapToLong(t -> t.site().vitalDown).sum();
        }
    }

    private final FleetScope scope;
    private final FleetQueries queries;
    private final NoteLookups notes;
    private final CurrentUser user;
    private final FleetConfig config;

    NocResource(FleetScope scope, FleetQueries queries, NoteLookups notes, CurrentUser user, FleetConfig config) {
        this.scope = scope;
        this.queries = queries;
        this.notes = notes;
        this.user = user;
        this.config = config;
    }

    @GET
    public Response noc(@QueryParam("team") String team, @QueryParam("tag") String tag, @Context HttpHeaders headers) {
        NocView view = view(blankToNull(team), blankToNull(tag));
        return Htmx.pageOrFragment(headers, 200, Templates.noc(view), Templates.noc$live(view));
    }

    private NocView view(String team, String tag) {
        String liveUrl = "/?" + (team == null ? "" : "team=" + encode(team) + "&") + (tag == null ? "" : "tag=" + encode(tag));
        Optional<String> current = scope.current();
        if (current.isEmpty()) {
            return new NocView(false, List.of(), List.of(), false, List.of(), team, tag,
                    new FleetQueries.Completeness(0, 0, null), "", liveUrl, config.newDeviceDays());
        }
        Instant now = clock.instant();
        Set<Integer> tagged = tag == null ? null : notes.sitesTagged(user.tenantId(), tag);
        List<FleetSite> sites = queries.tiles(current.get(), team, tagged);
        List<Tile> tiles = sites.stream().map(s -> new Tile(s, Ago.since(s.statusSince, now), Ago.since(s.devicesAsOf, now)))
                .toList();
        Map<Integer, String> names = queries.siteNames(current.get());
        Set<Integer> shown = sites.stream().map(s -> s.agentId).collect(java.util.stream.Collectors.toSet());
        List<FleetDevice> down = queries.downNow(current.get(), DOWN_LIMIT + 1).stream()
                .filter(d -> shown.contains(d.agentId)).toList();
        Map<NoteLookups.Subject, String> owners = notes.owners(user.tenantId(),
                down.stream().map(d -> d.agentId).distinct().toList());
        List<DownRow> rows = down.stream().limit(DOWN_LIMIT).map(d -> new DownRow(d, names.getOrDefault(d.agentId, ""),
                Ago.since(d.statusSince, now), owners.get(new NoteLookups.Subject(d.agentId, d.deviceId)))).toList();
        FleetQueries.Completeness completeness = queries.completeness(current.get());
        return new NocView(true, tiles, rows, down.size() > DOWN_LIMIT, queries.teams(current.get()), team, tag,
                completeness, Ago.since(completeness.oldest(), now), liveUrl, config.newDeviceDays());
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
