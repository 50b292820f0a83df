package io.sitedeck.availability;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.console.PlainRefusal;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.shared.BadInput;
import io.sitedeck.web.TimeRange;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A site's monthly availability report as a page (issue #18): bookmarkable ({@code ?month=2026-11}), printable.
 * Upstream reads: the agent, its device list, its status history and one status history per vital device — each
 * kept in the answer cache, so a second view costs none.
 */
@Path("/reports/sites/{agentId}")
public class SiteReportResource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportView view);
    }

    /** {@code business}: availability within business hours, or null when the site has none. */
    public record Line(String name, String url, String availability, String business, String up, String down,
                       String maintenance, String unknown, int incidents) {
    }

    public record IncidentLine(String device, String start, String duration, String note) {
    }

    public record ReportView(Agent agent, String month, String zone, String previous, String next, List<Line> lines,
                             List<IncidentLine> incidents, int reads, String pdfUrl, String businessHours,
                             boolean mayEdit) {
        /** The business-hours form's days, Monday to Friday ticked. */
        public List<WeekDay> weekDays() {
            return WeekDay.ALL;
        }
    }

    private final DomotzGateway gateway;
    private final ConsoleContext console;
    private final SiteReport reports;
    private final CurrentUser user;

    SiteReportResource(DomotzGateway gateway, ConsoleContext console, SiteReport reports, CurrentUser user) {
        this.user = user;
        this.gateway = gateway;
        this.console = console;
        this.reports = reports;
    }

    @GET
    public TemplateInstance report(@PathParam("agentId") String agentId, @QueryParam("month") String month) {
        return Templates.report(view(agentId, month));
    }

    /** The same report as a PDF, to send or keep. */
    @GET
    @Path("pdf")
    @PlainRefusal
    public Response pdf(@PathParam("agentId") String agentId, @QueryParam("month") String month) {
        ReportView view = view(agentId, month);
        return Response.ok(ReportPdf.render(view), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"availability-" + view.agent().id() + "-"
                        + view.month() + ".pdf\"").build();
    }

    private ReportView view(String agentId, String month) {
        DomotzTarget target = console.target();
        Agent agent = gateway.getAgent(target, AgentIds.parse(agentId));
        ZoneId zone = TimeRange.zoneOf(agent.timezone());
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(zone));
        YearMonth shown = month(month, current.minusMonths(1));
        if (shown.isAfter(current)) {
            throw new BadInput("That month has not begun yet.");
        }
        SiteReport.Report report = reports.of(target, agent.id(), zone, shown, now);
        List<Line> lines = new ArrayList<>();
        List<IncidentLine> incidents = new ArrayList<>();
        for (SiteReport.DeviceLine d : report.devices()) {
            Availability.Figures f = d.result().overall();
            String url = "/agents/" + agent.id() + "/devices/" + d.device().id();
            Availability.Figures b = d.result().businessHours();
            lines.add(new Line(d.device().name(), url, percent(f.availability()), b == null ? null : percent(b.availability()),
                    hours(f.up()), hours(f.down()), hours(f.maintenance()), hours(f.unknown()), d.result().incidents().size()));
            d.result().incidents().forEach(i -> incidents.add(new IncidentLine(d.device().name(),
                    WHEN.format(i.start().atZone(zone)) + (i.startedBefore() ? " (or before)" : ""),
                    minutes(i.duration()) + (i.ongoing() ? ", still down at the end" : ""),
                    i.acknowledgement() == null ? "" : i.acknowledgement().by() + ": " + i.acknowledgement().note())));
        }
        String base = "/reports/sites/" + agent.id() + "?month=";
        return new ReportView(agent, shown.toString(), zone.getId(), base + shown.minusMonths(1),
                shown.isBefore(current) ? base + shown.plusMonths(1) : null, lines, incidents, report.domotzReads(),
                "/reports/sites/" + agent.id() + "/pdf?month=" + shown,
                report.hours() == null ? null : BusinessHoursForm.describe(report.hours()), user.technician());
    }

    private static YearMonth month(String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException unreadable) {
            throw new BadInput("The month is written like 2026-11.");
        }
    }

    /** Three decimals: 99.931 %, the precision SLAs are written in; "no data" when nothing was seen. */
    static String percent(Optional<Double> availability) {
        return availability.map(a -> String.format(Locale.ROOT, "%.3f %%", a * 100)).orElse("no data");
    }

    static String hours(Duration d) {
        return String.format(Locale.ROOT, "%.1f h", d.toMinutes() / 60.0);
    }

    static String minutes(Duration d) {
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }
}
