package io.sitedeck.availability;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitedeck.annotations.NoteLookups;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.AgentHistoryEvent;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceEventType;
import io.sitedeck.domotz.model.Importance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.Optional;

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

    /**
     * {@code hours}: the business hours counted (the site's, or the tenant's when {@code tenantHours}), or null (one
     * figure only); {@code domotzReads}: the histories it read (the agent's and one per vital device).
     */
    public record Report(ZoneId zone, YearMonth month, Availability.Interval period, List<DeviceLine> devices,
                         int domotzReads, BusinessHours hours, boolean tenantHours) {
        /** The vital devices' times together. */
        public Availability.Figures overall() {
            return devices.stream().map(d -> d.result().overall()).reduce(Availability.Figures.NONE,
                    Availability.Figures::plus);
        }

        /** Within business hours; null without them. */
        public Availability.Figures business() {
            return hours == null ? null : devices.stream().map(d -> d.result().businessHours())
                    .reduce(Availability.Figures.NONE, Availability.Figures::plus);
        }
    }

    private final DomotzGateway gateway;
    private final NoteLookups notes;

    SiteReport(DomotzGateway gateway, NoteLookups notes) {
        this.gateway = gateway;
        this.notes = notes;
    }

    /** The period of a month in the site's zone; a month still running ends now. */
    public static Availability.Interval period(YearMonth month, ZoneId zone, Instant now) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return new Availability.Interval(from, to.isAfter(now) ? now : to);
    }

    /** The reads a report of the site makes, beyond its device list: the agent's history, one per vital device. */
    public static Instant readFrom(Availability.Interval period) {
        return period.from().minus(LOOK_BACK);
    }

    /** What the tenant's own records say about the site's vital devices: read in one short transaction. */
    private record Local(List<MaintenanceWindow> windows, Optional<SiteBusinessHours> hours,
                         Map<Integer, List<String>> tags, Map<Integer, List<Availability.Acknowledgement>> acks) {
    }

    /**
     * The tenant's report of one site ({@code devices}: its device list, read by the caller). The database is read
     * first, in its own transaction, so no connection is held while Domotz answers.
     */
    public Report of(long tenantId, DomotzTarget target, int agentId, List<Device> devices, ZoneId zone,
                     YearMonth month, Instant now) {
        Availability.Interval period = period(month, zone, now);
        Instant readFrom = readFrom(period);
        List<Device> vital = vital(devices);
        Local local = QuarkusTransaction.requiringNew().call(() -> new Local(MaintenanceWindow.ofSite(tenantId, agentId),
                SiteBusinessHours.applying(tenantId, agentId),
                vital.stream().collect(Collectors.toMap(Device::id, d -> notes.tags(tenantId, agentId, d.id()))),
                vital.stream().collect(Collectors.toMap(Device::id, d -> DeviceAcknowledgement.ofDevice(tenantId,
                        agentId, d.id()).stream().map(DeviceAcknowledgement::asRule).toList()))));
        List<Availability.Change> agent = gateway.getAgentStatusHistory(target, agentId, readFrom, period.to()).stream()
                .map(SiteReport::agentChange).filter(Objects::nonNull).toList();
        BusinessHours hours = local.hours().map(SiteBusinessHours::hours).orElse(null);
        List<Availability.Interval> business = hours == null ? null : hours.within(period, zone);
        List<DeviceLine> lines = vital.stream().map(d -> {
            List<Availability.Change> changes = gateway.getDeviceStatusHistory(target, agentId, d.id(), readFrom,
                    period.to()).stream().filter(e -> e.type() == DeviceEventType.UP || e.type() == DeviceEventType.DOWN)
                    .map(e -> new Availability.Change(e.timestamp(), e.type() == DeviceEventType.UP)).toList();
            List<Availability.Interval> planned = local.windows().stream().filter(w -> w.covers(d.id(), local.tags().get(d.id())))
                    .flatMap(w -> on(w, period).stream()).toList();
            return new DeviceLine(d, Availability.compute(new Availability.Input(period, changes, agent, planned, business,
                    local.acks().get(d.id()), INCIDENT_THRESHOLD)));
        }).toList();
        return new Report(zone, month, period, lines, 1 + vital.size(), hours,
                local.hours().map(SiteBusinessHours::tenantWide).orElse(false));
    }

    /** A window's times in the period, cut where it was ended early. */
    static List<Availability.Interval> on(MaintenanceWindow w, Availability.Interval period) {
        Availability.Interval until = w.endedAt == null || w.endedAt.isAfter(period.to()) ? period
                : new Availability.Interval(period.from(), w.endedAt.isBefore(period.from()) ? period.from() : w.endedAt);
        return w.schedule().within(until, w.zoneId());
    }

    public static List<Device> vital(List<Device> devices) {
        return devices.stream().filter(d -> d.importance() == Importance.VITAL)
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
