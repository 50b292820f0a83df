package io.sitedeck.agents;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.annotations.Annotation;
import io.sitedeck.annotations.Annotations;
import io.sitedeck.annotations.Bookmarks;
import io.sitedeck.annotations.Notes;
import io.sitedeck.annotations.NotesPanel;
import io.sitedeck.annotations.NotesPanels;
import io.sitedeck.availability.MaintenanceText;
import io.sitedeck.availability.MaintenanceWindows;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.console.PlainRefusal;
import io.sitedeck.devices.DeviceColumns;
import io.sitedeck.devices.DeviceQuery;
import io.sitedeck.devices.DeviceRow;
import io.sitedeck.devices.DeviceTable;
import io.sitedeck.devices.DevicesCsv;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.DeviceBaseType;
import io.sitedeck.domotz.model.RtdStatistics;
import io.sitedeck.preferences.Preferences;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.shared.BadInput;
import io.sitedeck.shared.LiveNames;
import io.sitedeck.shared.LocalPaths;
import io.sitedeck.web.DrawnParts;
import io.sitedeck.web.Htmx;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One site: the agent's details and its devices table, filtered, sorted and paged on the server,
 * all of it in the query string. Upstream calls: getAgent, listDevices, getAgentRTDStats and
 * listDeviceBaseTypes — 4 cold, 0 warm; filtering, sorting and paging never call Domotz.
 */
@Path("/agents/{agentId}")
public class SiteResource {

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance site(SiteView view);

        static native TemplateInstance site$devices(SiteView view);

        /** The devices table's rows (DrawnParts keeps them): reads its rows and nothing else. */
        static native TemplateInstance rows(List<DeviceRow> rows);
    }

    /** The page's data (when Domotz fails, the page is console.UpstreamFailures' instead). */
    public record SiteView(Agent agent, DeviceTable.Page devices, int total, DeviceQuery query, Choices choices,
                           NotesPanel notes, Bookmarks.Star star, boolean refreshed, DeviceColumns columns,
                           String maintenance, RawString drawnRows) {
        /** The name of the live update that replaces the site's status badge in the heading. */
        public String liveTarget() {
            return LiveNames.siteBadge(agent.id());
        }

        /** This table as it is now: filters, sort, page and columns, for "Save this view". */
        public String viewUrl() {
            return "/agents/" + agent.id() + query.pageUrlWith(columns);
        }

        /** Where the column chooser returns: this table, its columns from the member's choice. */
        public String backUrl() {
            return "/agents/" + agent.id() + query.pageUrlWithoutColumns();
        }

        /** The CSV of every row these filters match (not just this page). */
        public String csvUrl() {
            return "/agents/" + agent.id() + "/devices.csv" + query.pageUrl(0);
        }

        public String previousUrl() {
            return query.page() > 0 ? query.pageUrl(query.page() - 1) : null;
        }

        public String nextUrl() {
            return query.page() + 1 < devices.pages() ? query.pageUrl(query.page() + 1) : null;
        }
    }

    /**
     * The values the filter menus offer, from this site's devices, each marked when the query chose it (so the
     * menus' loops read only their own option, not the query outside them: see {@link DeviceRow}).
     */
    public record Choices(List<Option> statuses, List<Option> importances, List<Option> kinds, List<Option> types,
                          List<Option> zones, List<Option> rooms) {
        static Choices of(List<DeviceRow> rows, DeviceQuery query) {
            return new Choices(options(rows, DeviceRow::status, query.status()),
                    options(rows, DeviceRow::importance, query.importance()),
                    options(rows, DeviceRow::kind, query.kind()),
                    options(rows, DeviceRow::type, query.type()), options(rows, DeviceRow::zone, query.zone()),
                    options(rows, DeviceRow::room, query.room()));
        }

        private static List<Option> options(List<DeviceRow> rows, Function<DeviceRow, String> field, String chosen) {
            return rows.stream().map(field).filter(Objects::nonNull).distinct().sorted()
                    .map(value -> new Option(value, value.equals(chosen))).toList();
        }
    }

    /** One value of a filter menu. */
    public record Option(String value, boolean selected) {}

    private final DomotzGateway gateway;
    private final ConsoleContext console;
    private final Annotations annotations;
    private final NotesPanels notes;
    private final Bookmarks bookmarks;
    private final Preferences preferences;
    private final MaintenanceWindows maintenance;
    private final DrawnParts drawn;

    SiteResource(DomotzGateway gateway, ConsoleContext console, Annotations annotations,
                 NotesPanels notes, Bookmarks bookmarks, Preferences preferences, MaintenanceWindows maintenance,
                 DrawnParts drawn) {
        this.drawn = drawn;
        this.maintenance = maintenance;
        this.preferences = preferences;
        this.gateway = gateway;
        this.console = console;
        this.annotations = annotations;
        this.notes = notes;
        this.bookmarks = bookmarks;
    }

    @GET
    public Response site(@PathParam("agentId") String agentId, @Context UriInfo uri, @Context HttpHeaders headers) {
        SiteView view = view(AgentIds.parse(agentId), uri);
        return Htmx.pageOrFragment(headers, 200, Templates.site(view), Templates.site$devices(view));
    }

    /**
     * The devices table as CSV, exactly as filtered and sorted (every matching row, not one page),
     * with the team's owner, tags, note and custom fields as columns.
     */
    @GET
    @Path("devices.csv")
    @PlainRefusal
    public Response devicesCsv(@PathParam("agentId") String agentId, @Context UriInfo uri) {
        SiteView view = view(AgentIds.parse(agentId), uri);
        return DevicesCsv.of(view.devices().all()).download("site-" + view.agent().id() + "-devices.csv");
    }

    /**
     * "Refresh now": drops the cached device list of the site and reads it again — exactly one
     * API call, which the table then says. Any member may; it changes nothing at Domotz.
     */
    @POST
    @Path("refresh")
    public Response refresh(@PathParam("agentId") String agentId, @Context UriInfo uri, @Context HttpHeaders headers) {
        int id = AgentIds.parse(agentId);
        gateway.refreshDevicesOf(console.target(), id);
        SiteView view = view(id, uri);
        if (!Htmx.requested(headers)) {
            return Response.seeOther(URI.create("/agents/" + id + view.query().pageUrl(view.query().page())))
                    .build();
        }
        SiteView shown = new SiteView(view.agent(), view.devices(), view.total(), view.query(), view.choices(),
                view.notes(), view.star(), true, view.columns(), view.maintenance(), view.drawnRows());
        return Response.ok(Templates.site$devices(shown)).type("text/html;charset=UTF-8").build();
    }

    /**
     * The column chooser: the member's columns for every devices table, remembered in their preferences;
     * back to the table, which then shows them (a URL that names its columns, a saved view, keeps its own).
     */
    @POST
    @Path("columns")
    public Response columns(@PathParam("agentId") String agentId, @RestForm List<String> col, @RestForm String back) {
        int id = AgentIds.parse(agentId);
        List<String> chosen = col == null ? List.of() : col;
        if (!DeviceColumns.allKnown(chosen)) {
            throw new BadInput("Unknown column: choose among " + DeviceColumns.ALL.csv() + ".");
        }
        URI comeBack = LocalPaths.backOr(back, "/agents/" + id);
        preferences.setDeviceColumns(DeviceColumns.of(chosen).csv());
        return Response.seeOther(comeBack).build();
    }

    private SiteView view(int id, UriInfo uri) {

        DeviceQuery query = DeviceQuery.parse(uri.getQueryParameters().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0))));
        return view(console.target(), id, query);
    }

    private SiteView view(DomotzTarget target, int agentId, DeviceQuery query) {
        Agent agent = gateway.getAgent(target, agentId);
        Map<Integer, String> typeLabels = gateway.listDeviceBaseTypes(target).stream()
                .filter(t -> t.id() != null)
                .collect(Collectors.toMap(DeviceBaseType::id, t -> t.label() == null ? "Type " + t.id() : t.label(),
                        (a, b) -> a));
        Map<Integer, RtdStatistics> rtd = new HashMap<>();
        gateway.getAgentRTDStats(target, agentId).forEach(s -> rtd.put(s.deviceId(), s));
        Instant now = clock.instant();
        Map<Integer, Notes> teamNotes = annotations.ofDevices(agentId);
        List<DeviceRow> rows = gateway.listDevices(target, agentId, query.showHidden()).stream()
                .map(d -> DeviceRow.of(agentId, d, typeLabels, rtd.get(d.id()), now).with(teamNotes.get(d.id()))).toList();
        DeviceTable.Page page = DeviceTable.apply(rows, query);
        return new SiteView(agent, page, rows.size(), query, Choices.of(rows, query),
                notes.of(agentId, Annotation.SITE), bookmarks.star(agentId, Annotation.SITE, agent.displayName()),
                false, query.columns(preferences.deviceColumns()),
                maintenance.activeFor(agentId, 0, List.of()).map(MaintenanceText::banner).orElse(null),
                // A copy for the key: a page's rows are often a view of the whole sorted list, which it would keep.
                drawn.of("site-rows", List.copyOf(page.rows()), Templates::rows));
    }
}
