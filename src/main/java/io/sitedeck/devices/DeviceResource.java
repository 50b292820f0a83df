package io.sitedeck.devices;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.alerts.ProfilesPanel;
import io.sitedeck.annotations.Bookmarks;
import io.sitedeck.annotations.NotesPanel;
import io.sitedeck.annotations.NotesPanels;
import io.sitedeck.availability.Acknowledgements;
import io.sitedeck.availability.MaintenanceText;
import io.sitedeck.availability.MaintenanceWindows;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.console.PlainRefusal;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AuthenticationStatus;
import io.sitedeck.domotz.model.DetectedDeviceType;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceBaseType;
import io.sitedeck.domotz.model.DeviceHistoryEvent;
import io.sitedeck.domotz.model.DeviceKind;
import io.sitedeck.domotz.model.DevicePowerActions;
import io.sitedeck.domotz.model.DeviceStatus;
import io.sitedeck.domotz.model.RtdSample;
import io.sitedeck.domotz.model.RtdStatistics;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.shared.Ago;
import io.sitedeck.shared.LiveNames;
import io.sitedeck.web.TimeRange;
import io.sitedeck.web.Timeline;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * One device, everything the API knows about it, laid out by kind; SNMP communities are shown
 * masked. Upstream reads, up to 11 when everything is cold: getAgent, getDevice, the two type
 * catalogues, getAgentRTDStats, the RTD and status histories of the range (not for dummy devices,
 * not for a panel), getDevicePowerActions (technicians), and for the alert profiles
 * getDevicesAlertProfile, getUser and getAlertProfiles. Warm from the site page, usually only
 * getDevice, the histories and the power actions are not cached yet.
 */
@Path("/agents/{agentId}/devices/{deviceId}")
public class DeviceResource {

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance device(DeviceView view);

        static native TemplateInstance device$summary(DeviceView view);

        static native TemplateInstance device$power(DeviceView view);

        static native TemplateInstance device$snapshot(DeviceView view);

        static native TemplateInstance device$details(DeviceView view);
    }

    /** The panels of the page that refresh themselves (on {@code deviceChanged}, or a refresh button). */
    private static final Map<String, Function<DeviceView, TemplateInstance>> PANELS =
            Map.of("summary", Templates::device$summary, "power", Templates::device$power,
                    "snapshot", Templates::device$snapshot, "details", Templates::device$details);

    /**
     * The page's data (when Domotz fails, the page is console.UpstreamFailures' instead). The parts are drawn
     * (DeviceParts): {@code history} is null for a panel and a dummy device, {@code forms} and {@code power} for a
     * viewer.
     */
    @TemplateData
    public record DeviceView(Agent agent, Device device, Instant renderedAt, String typeLabel, DetectedDeviceType detected,
                             RtdStatistics rtd, RawString history, RawString facts, RawString forms, RawString power,
                             Actions actions, RawString profiles, NotesPanel notes, Bookmarks.Star star,
                             String maintenance, String acknowledged) {
        /** A technician may acknowledge the device: it is down and nobody has yet. */
        public boolean acknowledgeable() {
            return actions != null && device.status() == DeviceStatus.DOWN && acknowledged == null;
        }

        public String deviceUrl() {
            return "/agents/" + agent.id() + "/devices/" + device.id();
        }

        /** The name of the live update that replaces the status badge in the heading. */
        public String liveTarget() {
            return LiveNames.deviceBadge(agent.id(), device.id());
        }

        /** How long the device has been in its status, as of this rendering. */
        public String since() {
            return Ago.since(device.lastStatusChange(), renderedAt);
        }

        /** When this rendering asked for the camera's picture (the image request follows at once). */
        public String snapshotTime() {
            return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC)
                    .format(renderedAt) + " UTC";
        }

        /** Makes each refresh a new image URL, so no cache in between serves the old picture. */
        public long snapshotNonce() {
            return renderedAt.toEpochMilli();
        }

        /** Cameras (a detected type with the snapshot capability) show a snapshot; a down or locked one says why not. */
        public String snapshotProblem() {
            if (detected == null || !detected.can("snapshot")) {
                return null;
            }
            if (device.status() != DeviceStatus.ONLINE) {
                return "The camera is " + device.status() + ": no snapshot now.";
            }
            var auth = device.authenticationStatus();
            if (auth == AuthenticationStatus.REQUIRED
                    || auth == AuthenticationStatus.WRONG_CREDENTIALS) {
                return "The camera is locked: set its credentials below first.";
            }
            return "";
        }

        /** The latest median is well above the usual one (the same rule as the devices table's). */
        public boolean latencyDeviates() {
            return rtd != null && DeviceRow.deviates(rtd.latestMedian(), rtd.avgMedian(), rtd.latestLostPacketCount());
        }

        /** Vendor and model as the team set them, else as Domotz found them; null when neither is known. */
        public String vendorModel() {
            var own = device.userData();
            String vendor = own != null && own.vendor() != null ? own.vendor() : device.vendor();
            String model = own != null && own.model() != null ? own.model() : device.model();
            String both = ((vendor == null ? "" : vendor) + " " + (model == null ? "" : model)).trim();
            return both.isEmpty() ? null : both;
        }
    }

    /**
     * What a technician may do here (null for viewers): the power actions Domotz offers now, and a one-time token
     * for the disruptive forms.
     */
    @TemplateData
    public record Actions(DevicePowerActions power, String once) {}

    private final DomotzGateway gateway;
    private final ConsoleContext console;

    private final CurrentUser user;
    private final CurrentVertxRequest request;
    private final ProfilesPanel profiles;
    private final NotesPanels notes;
    private final Bookmarks bookmarks;
    private final MaintenanceWindows maintenance;
    private final Acknowledgements acknowledgements;
    private final DeviceParts parts;

    DeviceResource(DomotzGateway gateway, ConsoleContext console, CurrentUser user, CurrentVertxRequest request,
                   ProfilesPanel profiles, NotesPanels notes, Bookmarks bookmarks, MaintenanceWindows maintenance,
                   Acknowledgements acknowledgements, DeviceParts parts) {
        this.parts = parts;
        this.acknowledgements = acknowledgements;
        this.maintenance = maintenance;
        this.notes = notes;
        this.bookmarks = bookmarks;
        this.user = user;
        this.profiles = profiles;
        this.request = request;
        this.gateway = gateway;
        this.console = console;
    }

    @GET
    public Response device(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                           @QueryParam("range") String range, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("tz") String tz) {
        int agent = AgentIds.parse(agentId);
        int device = AgentIds.parse(deviceId);
        DeviceView view = view(console.target(), agent, device,
                zone -> TimeRange.parse(range, from, to, tz, zone, clock.instant()));
        return Response.ok(Templates.device(view)).type("text/html;charset=UTF-8").build();
    }

    /**
     * One panel of the page, for htmx: the same data as the page without the histories, so a
     * refresh after an action costs the reads the action invalidated (usually getDevice and
     * getDevicePowerActions) and nothing else.
     */
    @GET
    @Path("panels/{panel}")
    @PlainRefusal
    public Response panel(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                          @PathParam("panel") String panel) {
        var template = PANELS.get(panel);
        if (template == null) {
            throw new NotFoundException("No such panel: " + panel);
        }
        DeviceView view = view(console.target(), AgentIds.parse(agentId), AgentIds.parse(deviceId), null);
        return Response.ok(template.apply(view)).type("text/html;charset=UTF-8").build();
    }

    /**
     * The requester's address as Quarkus resolved it: a proxy's X-Forwarded-For counts only when
     * the proxy is in quarkus.http.proxy.trusted-proxies (anyone else could name any address).
     */
    private String clientIp() {
        var http = request.getCurrent().request();
        return http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress();
    }

    /** Since when a DOWN device is down (Domotz's last status change; without one, as long as anyone knows). */
    static Instant downSince(Device device) {
        return device.lastStatusChange() == null ? Instant.EPOCH : device.lastStatusChange();
    }

    /** UP/DOWN as the line, IP changes and creation as markers (old → new addresses in the title). */
    static Timeline.Drawing statusLine(List<DeviceHistoryEvent> events, TimeRange range) {
        List<Timeline.Event> line = events.stream().map(e -> switch (e.type()) {
            case DOWN -> new Timeline.Event(e.timestamp(), Timeline.Kind.DOWN, "DOWN");
            case UP -> new Timeline.Event(e.timestamp(), Timeline.Kind.UP, "UP");
            case IP_CHANGE -> new Timeline.Event(e.timestamp(), Timeline.Kind.MARKER, "IP change "
                    + (e.details() == null ? "" : String.join(", ", nullToEmpty(e.details().oldIp())) + " → "
                    + String.join(", ", nullToEmpty(e.details().newIp()))));
            default -> new Timeline.Event(e.timestamp(), Timeline.Kind.MARKER, e.type().name());
        }).toList();
        return Timeline.draw(line, range.from(), range.to(), range);
    }

    private static List<String> nullToEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** The history part of the range, drawn once for each distinct content (DeviceHistoryPart). */
    private RawString history(DomotzTarget target, int agentId, int deviceId, TimeRange range) {
        List<RtdSample> samples = gateway.getDeviceRTDHistory(target, agentId, deviceId, range.from(), range.to());
        List<DeviceHistoryEvent> events = gateway.getDeviceStatusHistory(target, agentId, deviceId, range.from(),
                range.to());
        var part = new DeviceHistoryPart("/agents/" + agentId + "/devices/" + deviceId, range, events,
                statusLine(events, range), samples.size());
        return parts.history(part);
    }

    private DeviceView view(DomotzTarget target, int agentId, int deviceId, Function<String, TimeRange> window) {
        Agent agent = gateway.getAgent(target, agentId);
        TimeRange range = window == null ? null : window.apply(agent.timezone());
        Device device = gateway.getDevice(target, agentId, deviceId);
        Integer typeId = device.userData() != null && device.userData().type() != null ? device.userData().type()
                : device.type() == null ? null : device.type().id();
        Integer detectedId = device.type() == null ? null : device.type().detectedId();
        String typeLabel = typeId == null ? null : gateway.listDeviceBaseTypes(target).stream()
                .filter(t -> typeId.equals(t.id())).map(DeviceBaseType::label).findFirst().orElse("Type " + typeId);
        DetectedDeviceType detected = detectedId == null ? null : gateway.listDeviceDetectedTypes(target).stream()
                .filter(t -> detectedId.equals(t.id())).findFirst().orElse(null);
        RtdStatistics rtd = device.kind() == DeviceKind.DUMMY ? null
                : gateway.getAgentRTDStats(target, agentId).stream()
                        .filter(s -> Objects.equals(s.deviceId(), deviceId)).findFirst().orElse(null);
        RawString history = range == null || device.kind() == DeviceKind.DUMMY ? null
                : history(target, agentId, deviceId, range);
        Actions actions = user.technician() ? new Actions(gateway.getDevicePowerActions(target, agentId, deviceId),
                UUID.randomUUID().toString()) : null;
        NotesPanel team = notes.of(agentId, deviceId);
        return new DeviceView(agent, device, clock.instant(), typeLabel, detected,
                rtd, history, parts.facts(agentId, device, typeLabel, detected),
                actions == null ? null : parts.forms(agentId, device, clientIp()),
                actions == null ? null : parts.power(agent, device, actions.power(), actions.once()), actions,
                profiles.ofDevice(target, agentId, deviceId), team,
                bookmarks.star(agentId, deviceId, device.name() + " · " + agent.displayName()),
                maintenance.activeFor(agentId, deviceId, team.current().notes().tags()).map(MaintenanceText::banner)
                        .orElse(null),
                device.status() != DeviceStatus.DOWN ? null
                        : acknowledgements.holding(agentId, deviceId, downSince(device))
                                .map(a -> Acknowledgements.describe(a, TimeRange.zoneOf(agent.timezone()))).orElse(null));
    }
}
