package io.sitedeck.reports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitedeck.annotations.Annotations;
import io.sitedeck.annotations.Notes;
import io.sitedeck.availability.Availability;
import io.sitedeck.availability.SiteReport;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.fleet.FleetDeviceGone;
import io.sitedeck.shared.Ago;
import io.sitedeck.web.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Builds a report's content (issue #18) for a site or a team of sites, for a tenant, with a Domotz target: the
 * availability by the rules of {@link SiteReport}, and per site the RTD and speed-test summaries (one RTD history
 * per vital device, one speed-test history), the devices added (first seen in the month, from the device list) and
 * removed (as the fleet index saw them go), and the team note's owner and fields. Works in a request and outside one
 * (a scheduled report): everything it needs is handed to it.
 */
@ApplicationScoped
public class ReportBuilder {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH);

    @Inject
    Clock clock;

    private final DomotzGateway gateway;
    private final SiteReport availability;
    private final Annotations annotations;

    ReportBuilder(DomotzGateway gateway, SiteReport availability, Annotations annotations) {
        this.gateway = gateway;
        this.availability = availability;
        this.annotations = annotations;
    }

    /** Who asked, for which tenant, with which key, and the MSP's name and zone. */
    public record Request(long tenantId, String by, DomotzTarget target, String msp, ZoneId tenantZone) {
    }

    public ReportContent site(Request request, int agentId, YearMonth month) {
        Built built = section(request, gateway.getAgent(request.target(), agentId), month);
        return content(request, ReportContent.SITE, String.valueOf(agentId), built.section().name(), month,
                built.section().zone(), List.of(built), List.of());
    }

    public ReportContent team(Request request, String team, List<Integer> agentIds, YearMonth month) {
        List<Built> sites = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (int agentId : agentIds) {
            try {
                sites.add(section(request, gateway.getAgent(request.target(), agentId), month));
            } catch (DomotzException.AccessDenied | DomotzException.NotFound refused) {
                unreadable.add(gateway.cachedAgent(request.target(), agentId).map(Agent::displayName)
                        .orElse("Site " + agentId));
            }
        }
        sites.sort(Comparator.comparing(b -> b.section().name(), String.CASE_INSENSITIVE_ORDER));
        return content(request, ReportContent.TEAM, team, team, month, request.tenantZone().getId(), sites, unreadable);
    }

    /** A site's section and its figures, to add up for a team. */
    private record Built(ReportContent.Section section, SiteReport.Report report, int calls) {
    }

    private ReportContent content(Request request, String kind, String subject, String title, YearMonth month, String zone,
                                  List<Built> sites, List<String> unreadable) {
        Availability.Figures overall = sites.stream().map(b -> b.report().overall())
                .reduce(Availability.Figures.NONE, Availability.Figures::plus);
        boolean anyHours = sites.stream().anyMatch(b -> b.report().hours() != null);
        String business = anyHours ? Summaries.percent(sites.stream().map(b -> b.report().business())
                .filter(f -> f != null).reduce(Availability.Figures.NONE, Availability.Figures::plus).availability()) : null;
        int calls = sites.stream().mapToInt(Built::calls).sum();
        return new ReportContent(kind, subject, title, request.msp(), month.toString(), zone,
                Summaries.percent(overall.availability()), business,
                GENERATED.format(clock.instant().atZone(request.tenantZone())), request.by(), calls,
                sites.stream().map(Built::section).toList(), List.copyOf(unreadable));
    }

    private Built section(Request request, Agent agent, YearMonth month) {
        DomotzTarget target = request.target();
        ZoneId zone = TimeRange.zoneOf(agent.timezone());
        Instant now = clock.instant();
        List<Device> devices = gateway.listDevices(target, agent.id(), false);
        SiteReport.Report report = availability.of(request.tenantId(), target, agent.id(), devices, zone, month, now);
        Availability.Interval period = report.period();
        List<ReportContent.Line> lines = new ArrayList<>();
        List<ReportContent.IncidentLine> incidents = new ArrayList<>();
        List<ReportContent.RtdLine> rtd = new ArrayList<>();
        for (SiteReport.DeviceLine d : report.devices()) {
            Availability.Figures f = d.result().overall();
            Availability.Figures b = d.result().businessHours();
            lines.add(new ReportContent.Line(d.device().name(), "/agents/" + agent.id() + "/devices/" + d.device().id(),
                    Summaries.percent(f.availability()), b == null ? null : Summaries.percent(b.availability()),
                    Summaries.hours(f.up()), Summaries.hours(f.down()), Summaries.hours(f.maintenance()),
                    Summaries.hours(f.unknown()), d.result().incidents().size()));
            d.result().incidents().forEach(i -> incidents.add(new ReportContent.IncidentLine(d.device().name(),
                    WHEN.format(i.start().atZone(zone)) + (i.startedBefore() ? " (or before)" : ""),
                    Ago.lasted(i.duration()) + (i.ongoing() ? ", still down at the end" : ""),
                    i.acknowledgement() == null ? "" : i.acknowledgement().by() + ": " + i.acknowledgement().note())));
            rtd.add(Summaries.rtd(d.device().name(), gateway.getDeviceRTDHistory(target, agent.id(), d.device().id(),
                    period.from(), period.to())));
        }
        ReportContent.Speed speed = Summaries.speed(gateway.getSpeedTestHistory(target, agent.id(), period.from(),
                period.to()));
        List<String> added = devices.stream().filter(d -> d.firstSeenOn() != null && !d.firstSeenOn().isBefore(period.from())
                        && d.firstSeenOn().isBefore(period.to()))
                .sorted(Comparator.comparing(Device::firstSeenOn))
                .map(d -> d.name() + " (" + DAY.format(d.firstSeenOn().atZone(zone)) + ")").toList();
        List<String> removed = QuarkusTransaction.requiringNew().call(() -> FleetDeviceGone.between(target.indexScope(),
                agent.id(), period.from(), period.to())).stream()
                .map(g -> g.name + " (" + DAY.format(g.goneAt.atZone(zone)) + ")").toList();
        Notes notes = annotations.notesOf(request.tenantId(), agent.id(), 0);
        String hours = report.hours() == null ? null : report.hours().describe()
                + (report.tenantHours() ? " (the MSP's usual hours)" : "");
        ReportContent.Section section = new ReportContent.Section(agent.id(), agent.displayName(), zone.getId(),
                Summaries.percent(report.overall().availability()),
                report.hours() == null ? null : Summaries.percent(report.business().availability()), hours, lines,
                incidents, rtd, speed, added, removed, notes.owner(),
                notes.fields().stream().map(f -> new ReportContent.Contact(f.name(), f.value())).toList());
        // The device list and the agent, the histories SiteReport read, one RTD history per vital device, the speed tests.
        int calls = 2 + report.domotzReads() + report.devices().size() + 1;
        return new Built(section, report, calls);
    }
}
