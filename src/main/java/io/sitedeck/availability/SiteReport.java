package io.sitedeck.availability;

import io.sitedeck.annotations.NoteLookups;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.AgentHistoryEvent;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceEventType;
import io.sitedeck.domotz.model.Importance;
import io.sitedeck.account.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A site's availability over a month in its zone (issue #18): each vital device's figures and incidents by the rules
 * of {@link Availability}, from Domotz's status histories (read once per device, from a week before the month so the
 * state at its start is known), the agent's history, the tenant's maintenance windows and acknowledgements.
 */
@ApplicationScoped
public class SiteReport {

    /** How far before the period the histories are read, for the state at its start. */
    static final Duration LOOK_BACK = Duration.ofDays(7);
    static final Duration INCIDENT_THRESHOLD = Duration.ofMinutes(5);

    /** One device's line of the report. */
    public record DeviceLine(Device device, Availability.Result result) {
    }

    /** {@code hours}: the site's business hours, or null (one figure only). */
    public record Report(ZoneId zone, YearMonth month, Availability.Interval period, List<DeviceLine> devices,
                         int domotzReads, BusinessHours hours) {
    }

    private final DomotzGateway gateway;
    private final CurrentUser user;
    private final NoteLookups notes;

    SiteReport(DomotzGateway gateway, CurrentUser user, NoteLookups notes) {
        this.gateway = gateway;
        this.user = user;
        this.notes = notes;
    }

    /** The period of a month in the site's zone; a month still running ends now. */
    public static Availability.Interval period(YearMonth month, ZoneId zone, Instant now) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return new Availability.Interval(from, to.isAfter(now) ? now : to);
    }

    public Report of(DomotzTarget target, int agentId, ZoneId zone, YearMonth month, Instant now) {
        Availability.Interval period = period(month, zone, now);
        Instant readFrom = period.from().minus(LOOK_BACK);
        List<Availability.Change> agent = gateway.getAgentStatusHistory(target, agentId, readFrom, period.to()).stream()
                .map(SiteReport::agentChange).filter(Objects::nonNull).toList();
        List<MaintenanceWindow> windows = MaintenanceWindow.ofSite(user.tenantId(), agentId);
        BusinessHours hours = SiteBusinessHours.of(user.tenantId(), agentId).map(SiteBusinessHours::hours).orElse(null);
        List<Availability.Interval> business = hours == null ? null : hours.within(period, zone);
        List<Device> vital = vital(target, agentId);
        List<DeviceLine> lines = vital.stream().map(d -> {
            List<Availability.Change> changes = gateway.getDeviceStatusHistory(target, agentId, d.id(), readFrom,
                    period.to()).stream().filter(e -> e.type() == DeviceEventType.UP || e.type() == DeviceEventType.DOWN)
                    .map(e -> new Availability.Change(e.timestamp(), e.type() == DeviceEventType.UP)).toList();
            List<String> tags = notes.tags(user.tenantId(), agentId, d.id());
            List<Availability.Interval> planned = windows.stream().filter(w -> w.covers(d.id(), tags))
                    .flatMap(w -> on(w, period).stream()).toList();
            List<Availability.Acknowledgement> acks = DeviceAcknowledgement.ofDevice(user.tenantId(), agentId, d.id())
                    .stream().map(DeviceAcknowledgement::asRule).toList();
            return new DeviceLine(d, Availability.compute(new Availability.Input(period, changes, agent, planned, business,
                    acks, INCIDENT_THRESHOLD)));
        }).toList();
        return new Report(zone, month, period, lines, 2 + vital.size(), hours);
    }

    /** A window's times in the period, cut where it was ended early. */
    static List<Availability.Interval> on(MaintenanceWindow w, Availability.Interval period) {
        Availability.Interval until = w.endedAt == null || w.endedAt.isAfter(period.to()) ? period
                : new Availability.Interval(period.from(), w.endedAt.isBefore(period.from()) ? period.from() : w.endedAt);
        return w.schedule().within(until, w.zoneId());
    }

    private List<Device> vital(DomotzTarget target, int agentId) {
        return gateway.listDevices(target, agentId, false).stream().filter(d -> d.importance() == Importance.VITAL)
                .sorted(Comparator.comparing(Device::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** Connection lost or agent down: the site cannot be seen; recovered or up: it can. */
    private static Availability.Change agentChange(AgentHistoryEvent e) {
        return switch (e.type()) {
            case CONNECTION_LOST, DOWN -> new Availability.Change(e.timestamp(), false);
            case CONNECTION_RECOVERED, UP -> new Availability.Change(e.timestamp(), true);
            default -> null;
        };
    }
}
