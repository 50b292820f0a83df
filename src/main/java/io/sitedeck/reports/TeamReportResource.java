package io.sitedeck.reports;

import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.fleet.FleetQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import io.sitedeck.shared.Missing;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A team's monthly report (issue #18; a team is a customer with several sites): every site of the team, as the fleet
 * index of the member's connection knows them, each with its own section, and the team's figure over all their vital
 * devices. Months are the tenant's (report settings); each site's figures are counted in its own zone.
 */
@Path("/reports/team")
public class TeamReportResource {

    @Inject
    Clock clock;

    private final ConsoleContext console;
    private final CurrentUser user;
    private final FleetQueries fleet;
    private final Reports reports;
    private final ReportCost cost;

    TeamReportResource(ConsoleContext console, CurrentUser user, FleetQueries fleet, Reports reports, ReportCost cost) {
        this.console = console;
        this.user = user;
        this.fleet = fleet;
        this.reports = reports;
        this.cost = cost;
    }

    @GET
    public TemplateInstance report(@QueryParam("name") String name, @QueryParam("month") String month) {
        List<Integer> sites = sites(console.target(), name);
        return ReportPages.Templates.report(page(name, sites, month(month), null));
    }

    @POST
    public Response generate(@QueryParam("name") String name, @RestForm String month) {
        DomotzTarget target = console.target();
        List<Integer> sites = sites(target, name);
        YearMonth shown = month(month);
        ReportCost.Estimate estimate = cost.of(target, sites, shown);
        if (!estimate.affordable()) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(ReportPages.Templates.report(page(name, sites, shown, estimate.refusal()))).build();
        }
        StoredReport stored = reports.generate(reports.request(user.tenantId(), user.email(), target),
                ReportContent.TEAM, name, sites, shown);
        return Response.seeOther(URI.create(stored.url())).build();
    }

    /** The team's sites in the connection's index; a team it does not know is not found. */
    private List<Integer> sites(DomotzTarget target, String name) {
        List<Integer> sites = name == null || name.isBlank() ? List.of()
                : fleet.sitesOfTeam(target.indexScope(), name).stream().map(s -> s.agentId).toList();
        if (sites.isEmpty()) {
            throw new Missing("No team of that name among the sites this connection can read"
                    + " (the fleet index lists them on the NOC page).");
        }
        return sites;
    }

    private ZoneId zone() {
        return ReportSettings.zoneOf(user.tenantId());
    }

    private YearMonth month(String text) {
        YearMonth current = YearMonth.from(clock.instant().atZone(zone()));
        return ReportPages.month(text, current.minusMonths(1), current);
    }

    private ReportPages.ReportPage page(String name, List<Integer> sites, YearMonth month, String refusal) {
        ZoneId zone = zone();
        List<StoredReport> stored = StoredReport.ofSubject(user.tenantId(), ReportContent.TEAM, name, month.toString());
        StoredReport newest = stored.isEmpty() ? null : stored.get(0);
        String url = ReportPages.teamUrl(name);
        YearMonth current = YearMonth.from(clock.instant().atZone(zone));
        return new ReportPages.ReportPage("Team " + name + " (" + sites.size() + " sites): availability in " + month,
                "Team " + name, url, month.toString(), url + "&month=" + month.minusMonths(1),
                month.isBefore(current) ? url + "&month=" + month.plusMonths(1) : null,
                newest == null ? null : reports.content(newest), newest == null ? null : newest.url() + "/pdf",
                ReportPages.versions(stored, newest, zone),
                newest == null || refusal != null ? cost.of(console.target(), sites, month) : null, url, refusal, null,
                null, ReportSettings.hasLogo(user.tenantId()),
                user.technician() ? new ReportPages.Plan(ReportContent.TEAM, name) : null);
    }
}
