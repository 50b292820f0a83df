package io.sitedeck.reports;

import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.availability.SiteBusinessHours;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.console.PlainRefusal;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.web.TimeRange;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import io.sitedeck.shared.Missing;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A site's monthly availability report (issue #18), bookmarkable ({@code ?month=2026-11}, default last month):
 * the newest stored report of that month when there is one (no Domotz call), else its price in Domotz calls and a
 * button that generates and stores it — refused politely when the key's budget cannot afford it today.
 */
@Path("/reports/sites/{agentId}")
public class SiteReportResource {

    @Inject
    Clock clock;

    private final DomotzGateway gateway;
    private final ConsoleContext console;
    private final CurrentUser user;
    private final Reports reports;
    private final ReportCost cost;

    SiteReportResource(DomotzGateway gateway, ConsoleContext console, CurrentUser user, Reports reports, ReportCost cost) {
        this.gateway = gateway;
        this.console = console;
        this.user = user;
        this.reports = reports;
        this.cost = cost;
    }

    @GET
    public TemplateInstance report(@PathParam("agentId") String agentId, @QueryParam("month") String month) {
        Agent agent = gateway.getAgent(console.target(), AgentIds.parse(agentId));
        return ReportPages.Templates.report(page(agent, month(agent, month), null));
    }

    /** Generates the month's report now, stores it, and shows it; 409 with the reason when the budget cannot afford it. */
    @POST
    public Response generate(@PathParam("agentId") String agentId, @RestForm String month) {
        DomotzTarget target = console.target();
        Agent agent = gateway.getAgent(target, AgentIds.parse(agentId));
        YearMonth shown = month(agent, month);
        ReportCost.Estimate estimate = cost.of(target, List.of(agent.id()), shown);
        if (!estimate.affordable()) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(ReportPages.Templates.report(page(agent, shown, estimate.refusal()))).build();
        }
        StoredReport stored = reports.generate(reports.request(user.tenantId(), user.email(), target),
                ReportContent.SITE, String.valueOf(agent.id()), List.of(agent.id()), shown);
        return Response.seeOther(URI.create(stored.url())).build();
    }

    /** The month's newest stored report as a PDF. */
    @GET
    @Path("pdf")
    @PlainRefusal
    @Transactional
    public Response pdf(@PathParam("agentId") String agentId, @QueryParam("month") String month) {
        Agent agent = gateway.getAgent(console.target(), AgentIds.parse(agentId));
        YearMonth shown = month(agent, month);
        return ReportPages.pdf(StoredReport.latest(user.tenantId(), ReportContent.SITE, String.valueOf(agent.id()),
                shown.toString()).orElseThrow(() -> new Missing("No report of " + shown
                + " has been generated for this site yet.")));
    }

    private YearMonth month(Agent agent, String text) {
        YearMonth current = YearMonth.from(clock.instant().atZone(TimeRange.zoneOf(agent.timezone())));
        return ReportPages.month(text, current.minusMonths(1), current);
    }

    private ReportPages.ReportPage page(Agent agent, YearMonth month, String refusal) {
        ZoneId zone = TimeRange.zoneOf(agent.timezone());
        String subject = String.valueOf(agent.id());
        List<StoredReport> stored = StoredReport.ofSubject(user.tenantId(), ReportContent.SITE, subject, month.toString());
        StoredReport newest = stored.isEmpty() ? null : stored.get(0);
        YearMonth current = YearMonth.from(clock.instant().atZone(zone));
        String base = "/reports/sites/" + agent.id() + "?month=";
        String hours = SiteBusinessHours.applying(user.tenantId(), agent.id())
                .map(h -> h.hours().describe() + (h.tenantWide() ? " (the MSP's usual hours)" : ""))
                .orElse("none, one figure around the clock");
        return new ReportPages.ReportPage(agent.displayName() + ": availability in " + month, agent.displayName(),
                "/agents/" + agent.id(), month.toString(), base + month.minusMonths(1),
                month.isBefore(current) ? base + month.plusMonths(1) : null,
                newest == null ? null : reports.content(newest), newest == null ? null : newest.url() + "/pdf",
                ReportPages.versions(stored, newest, zone),
                newest == null || refusal != null ? cost.of(console.target(), List.of(agent.id()), month) : null,
                "/reports/sites/" + agent.id(), refusal,
                user.technician() ? "/reports/sites/" + agent.id() + "/business-hours" : null, hours,
                ReportSettings.hasLogo(user.tenantId()),
                user.technician() ? new ReportPages.Plan(ReportContent.SITE, subject) : null);
    }
}
