package io.sitedeck.agents;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.annotations.Bookmarks;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.console.UpstreamProblem;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentQuery;
import io.sitedeck.web.DrawnParts;
import io.sitedeck.web.Htmx;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sites (agents) of the connection in use: search by name, filter by team, pages of 10 to 100,
 * the total from {@code HEAD /agent}, grouped by team. Everything is in the URL. Upstream calls:
 * countAgents, listAgents (the page) and listAgents (first 100, for the team list) — 3 cold, 0 warm.
 */
@Path("/")
public class SitesResource {

    @Inject
    Clock clock;

    static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
    static final int HOME_BOOKMARKS = 8;
    private static final RawString NO_ROWS = new RawString("");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sites(SitesView view);

        static native TemplateInstance sites$rows(SitesView view);

        /** The table's groups of rows (DrawnParts keeps them): reads its groups and nothing else. */
        static native TemplateInstance groups(List<SiteGroup> groups);
    }

    /** The sites of one team on this page, in page order; personal accounts' agents under "". */
    public record SiteGroup(String team, List<SiteRow> sites) {}

    /**
     * The page's data: {@code groups} is the table's body, drawn; {@code problem} replaces the list when Domotz
     * failed.
     */
    public record SitesView(boolean connected, RawString groups, int total, SitesQuery query,
                            List<String> teams, List<Integer> pageSizes, List<Bookmarks.Line> bookmarks,
                            UpstreamProblem problem) {
        public int pages() {
            return Math.max(1, (total + query.size() - 1) / query.size());
        }

        public String previousUrl() {
            return query.page() > 0 ? query.pageUrl(query.page() - 1) : null;
        }

        public String nextUrl() {
            return query.page() + 1 < pages() ? query.pageUrl(query.page() + 1) : null;
        }
    }

    private final DomotzGateway gateway;
    private final ConsoleContext console;
    private final Bookmarks bookmarks;
    private final DrawnParts drawn;

    SitesResource(DomotzGateway gateway, ConsoleContext console, Bookmarks bookmarks, DrawnParts drawn) {
        this.drawn = drawn;
        this.bookmarks = bookmarks;
        this.gateway = gateway;
        this.console = console;
    }

    @GET
    @Path("agents")
    public Response sites(@QueryParam("q") String q, @QueryParam("team") String team, @QueryParam("page") String page,
                          @QueryParam("size") String size, @Context HttpHeaders headers) {
        SitesQuery query = SitesQuery.parse(q, team, page, size, PAGE_SIZES);
        SitesView view = view(query, !Htmx.requested(headers));
        int status = view.problem() == null ? 200 : view.problem().pageStatus();
        return Htmx.pageOrFragment(headers, status, Templates.sites(view), Templates.sites$rows(view));
    }

    private SitesView view(SitesQuery query, boolean withBookmarks) {
        Optional<DomotzConnection> connection = console.current();
        if (connection.isEmpty()) {
            return new SitesView(false, NO_ROWS, 0, query, List.of(), PAGE_SIZES, List.of(), null);
        }
        DomotzTarget target = console.target();
        try {
            int total = gateway.countAgents(target, query.q(), query.team());
            List<Agent> agents = gateway.listAgents(target,
                    new AgentQuery(query.size(), query.page(), query.q(), query.team()));
            List<String> teams = gateway.listAgents(target, AgentQuery.page(100, 0)).stream().map(Agent::teamName)
                    .filter(Objects::nonNull).distinct().sorted().toList();
            // The short bookmarks list is on the full page only, not in the rows a search refreshes.
            List<Bookmarks.Line> starred = withBookmarks ? bookmarks.lines(HOME_BOOKMARKS) : List.of();
            RawString rows = drawn.of("site-groups", group(agents), Templates::groups);
            return new SitesView(true, rows, total, query, teams, PAGE_SIZES, starred, null);
        } catch (DomotzException failure) {
            return new SitesView(true, NO_ROWS, 0, query, List.of(), PAGE_SIZES, List.of(),
                    UpstreamProblem.of(failure, connection.get().name));
        }
    }

    /** Rows by team in page order; agents without a team (personal accounts) under "". */
    private List<SiteGroup> group(List<Agent> agents) {
        Instant now = clock.instant();
        Map<String, List<SiteRow>> groups = new LinkedHashMap<>();
        for (Agent agent : agents) {
            String team = agent.teamName() == null ? "" : agent.teamName();
            groups.computeIfAbsent(team, t -> new java.util.ArrayList<>()).add(SiteRow.of(agent, now));
        }
        return groups.entrySet().stream().map(g -> new SiteGroup(g.getKey(), List.copyOf(g.getValue()))).toList();
    }
}
