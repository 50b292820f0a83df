package io.sitedeck.reports;

import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.console.PlainRefusal;
import io.sitedeck.fleet.FleetQueries;
import io.sitedeck.fleet.FleetScope;
import io.sitedeck.shared.AgentIds;
import jakarta.ws.rs.GET;
import io.sitedeck.shared.Missing;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The tenant's reports (issue #18): the stored ones, the teams a report can be made for, the schedules; and a stored
 * report opened again (page or PDF) at no Domotz cost. Every query is the signed-in member's tenant's.
 */
@Path("/reports")
public class ReportsResource {

    private static final int SHOWN = 100;

    @Inject
    Clock clock;

    /** One stored report in the list. */
    public record Row(String url, String kind, String title, String month, String generatedAt, String by, int calls) {
    }

    public record TeamLink(String name, String url) {
    }

    public record Index(List<Row> stored, List<TeamLink> teams, List<ReportSchedules.Row> schedules,
                        List<ReportSchedules.DeliveryRow> deliveries, boolean mayPlan, boolean admin, String zone) {
    }

    private final CurrentUser user;
    private final Reports reports;
    private final FleetScope scope;
    private final FleetQueries fleet;
    private final ReportSchedules schedules;

    ReportsResource(CurrentUser user, Reports reports, FleetScope scope, FleetQueries fleet, ReportSchedules schedules) {
        this.user = user;
        this.reports = reports;
        this.scope = scope;
        this.fleet = fleet;
        this.schedules = schedules;
    }

    @GET
    public TemplateInstance index() {
        ZoneId zone = ReportSettings.zoneOf(user.tenantId());
        List<Row> stored = StoredReport.ofTenant(user.tenantId(), SHOWN).stream().map(r -> new Row(r.url(),
                ReportContent.TEAM.equals(r.kind()) ? "Team" : "Site", r.title(), r.month(),
                ReportPages.STAMP.format(r.generatedAt().atZone(zone)), r.generatedBy(), r.calls())).toList();
        List<TeamLink> teams = scope.current().map(fleet::teams).orElse(List.of()).stream()
                .map(t -> new TeamLink(t, ReportPages.teamUrl(t))).toList();
        return ReportPages.Templates.index(new Index(stored, teams, schedules.rows(user.tenantId(), zone),
                schedules.deliveries(user.tenantId(), zone), user.technician(), user.admin(), zone.getId()));
    }

    @GET
    @Path("stored/{id}")
    public TemplateInstance stored(@PathParam("id") String id) {
        StoredReport report = find(id);
        ReportContent content = reports.content(report);
        ZoneId zone = ZoneId.of(content.zone());
        List<StoredReport> all = StoredReport.ofSubject(user.tenantId(), report.kind, report.subject, report.month);
        boolean team = ReportContent.TEAM.equals(report.kind);
        String subjectUrl = team ? ReportPages.teamUrl(report.subject)
                : "/reports/sites/" + report.subject;
        String base = subjectUrl + (team ? "&" : "?") + "month=";
        YearMonth month = YearMonth.parse(report.month);
        YearMonth current = YearMonth.from(clock.instant().atZone(zone));
        return ReportPages.Templates.report(new ReportPages.ReportPage(content.title() + ": availability in " + report.month,
                content.title(), team ? subjectUrl : "/agents/" + report.subject, report.month,
                base + month.minusMonths(1), month.isBefore(current) ? base + month.plusMonths(1) : null, content,
                report.url() + "/pdf",
                ReportPages.versions(all, report, zone), null, subjectUrl, null, null, null,
                ReportSettings.hasLogo(user.tenantId()), null));
    }

    @GET
    @Path("stored/{id}/pdf")
    @PlainRefusal
    public Response storedPdf(@PathParam("id") String id) {
        return ReportPages.pdf(find(id));
    }

    /** Another tenant's report is simply not found. */
    private StoredReport find(String id) {
        return StoredReport.inTenant(user.tenantId(), AgentIds.parse(id))
                .orElseThrow(() -> new Missing("No such report."));
    }
}
