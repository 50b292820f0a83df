package io.sitedeck.fleet;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.annotations.NoteLookups;
import io.sitedeck.availability.Acknowledgements;
import io.sitedeck.availability.MaintenanceWindows;
import io.sitedeck.shared.Ago;
import io.sitedeck.web.Htmx;
import io.sitedeck.web.SplicedHtml;
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
import java.util.stream.Collectors;

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
    static final String TILES = "<!--noc-tiles-->";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance noc(NocView view);

        static native TemplateInstance noc$live(NocView view);

        static native TemplateInstance tiles(List<Tile> tiles);
    }

    /** A site's tile as drawn. */
    /** {@code noted}: the site has a team note in the member's tenant. */
    public record Tile(FleetSite site, String since, boolean noted, boolean maintenance) {
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
    public record DownRow(DownDevice device, String site, String since, String owner, boolean maintenance,
                          String acknowledged) {}

    /**
     * {@code tiles}: the tiles as drawn by tiles.html (escaped there) in UTF-8, kept per snapshot and
     * put in where the page says {@value #TILES} ({@link SplicedHtml}).
     */
    public record NocView(boolean connected, byte[] tiles, int sitesShown, List<DownRow> down, boolean moreDown,
                          List<String> teams, String team, String tag, FleetQueries.Completeness completeness,
                          String oldestAgo, String liveUrl, int newDays) {
    }

    private final FleetScope scope;
    private final NocSnapshots snapshots;
    private final NoteLookups notes;
    private final CurrentUser user;
    private final FleetConfig config;
    private final MaintenanceWindows maintenance;
    private final Acknowledgements acknowledgements;

    NocResource(FleetScope scope, NocSnapshots snapshots, NoteLookups notes, CurrentUser user, FleetConfig config,
                MaintenanceWindows maintenance, Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
        this.maintenance = maintenance;
        this.scope = scope;
        this.snapshots = snapshots;
        this.notes = notes;
        this.user = user;
        this.config = config;
    }

    @GET
    public Response noc(@QueryParam("team") String team, @QueryParam("tag") String tag, @Context HttpHeaders headers) {
        NocView view = view(blankToNull(team), blankToNull(tag));
        TemplateInstance page = Htmx.chosen(headers, Templates.noc(view), Templates.noc$live(view));
        return Htmx.html(200, SplicedHtml.of(page.render(), TILES, view.tiles()));
    }

    private NocView view(String team, String tag) {
        String liveUrl = "/?" + (team == null ? "" : "team=" + encode(team) + "&") + (tag == null ? "" : "tag=" + encode(tag));
        Optional<String> current = scope.current();
        if (current.isEmpty()) {
            return new NocView(false, new byte[0], 0, List.of(), false, List.of(), team, tag,
                    new FleetQueries.Completeness(0, 0, null), "", liveUrl, config.newDeviceDays());
        }
        Instant now = clock.instant();
        NocSnapshots.Snapshot snapshot = snapshots.of(current.get());
        Set<Integer> tagged = tag == null ? null : notes.sitesTagged(user.tenantId(), tag);
        List<FleetSite> sites = snapshot.sites().stream().filter(s -> team == null || team.equals(s.team))
                .filter(s -> tagged == null || tagged.contains(s.agentId)).toList();
        // Tiles of a tag filter are the member's tenant's own view: drawn for them, never kept.
        long tenant = user.tenantId();
        MaintenanceWindows.OnNow planned = maintenance.onNow(tenant);
        Acknowledgements.Current acks = acknowledgements.current(tenant);
        byte[] tiles = tagged == null ? snapshots.tiles(snapshot, tenant, team, now, t -> tiles(sites, notedSites(tenant), planned, now))
                : tiles(sites, notedSites(tenant), planned, now).getBytes(StandardCharsets.UTF_8);
        Set<Integer> shown = sites.stream().map(s -> s.agentId).collect(Collectors.toSet());
        List<DownDevice> down = snapshot.down().stream().filter(d -> shown.contains(d.agentId())).limit(DOWN_LIMIT + 1L)
                .toList();
        Map<NoteLookups.Subject, String> owners = notes.owners(user.tenantId(),
                down.stream().map(DownDevice::agentId).distinct().toList());
        List<DownRow> rows = down.stream().limit(DOWN_LIMIT).map(d -> new DownRow(d, snapshot.names().getOrDefault(d.agentId(), ""),
                Ago.since(d.statusSince(), now), owners.get(new NoteLookups.Subject(d.agentId(), d.deviceId())),
                planned.device(d.agentId(), d.deviceId(), () -> notes.tags(tenant, d.agentId(), d.deviceId())),
                acks.of(d.agentId(), d.deviceId(), d.statusSince() == null ? Instant.EPOCH : d.statusSince())
                        .map(a -> a.madeBy + ": " + a.note).orElse(null))).toList();
        return new NocView(true, tiles, sites.size(), rows, down.size() > DOWN_LIMIT, snapshot.teams(), team, tag,
                snapshot.completeness(), Ago.since(snapshot.completeness().oldest(), now), liveUrl, config.newDeviceDays());
    }

    private Set<Integer> notedSites(long tenant) {
        return notes.sitesWithNotes(tenant);
    }

    private static String tiles(List<FleetSite> sites, Set<Integer> noted, MaintenanceWindows.OnNow planned, Instant now) {
        return Templates.tiles(sites.stream().map(s -> new Tile(s, Ago.since(s.statusSince, now), noted.contains(s.agentId),
                planned.site(s.agentId))).toList()).render();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
