package io.sitedeck.devices;

import io.sitedeck.console.ConsoleContext;
import io.sitedeck.console.PlainRefusal;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.DeviceHistoryEvent;
import io.sitedeck.domotz.model.RtdSample;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.shared.Csv;
import io.sitedeck.web.TimeRange;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A device's RTD samples and status events over the page's time range, as one CSV in time order
 * (UTC, ISO 8601). The same cached reads as the page: getAgent (for its time zone) and the two
 * histories of the range.
 */
@Path("/agents/{agentId}/devices/{deviceId}/history.csv")
public class HistoryCsvResource {

    @Inject
    Clock clock;

    private final ConsoleContext console;
    private final DomotzGateway gateway;

    HistoryCsvResource(ConsoleContext console, DomotzGateway gateway) {
        this.console = console;
        this.gateway = gateway;
    }

    @GET
    @PlainRefusal
    public Response csv(@PathParam("agentId") String agentText, @PathParam("deviceId") String deviceText,
                        @QueryParam("range") String range, @QueryParam("from") String from,
                        @QueryParam("to") String to, @QueryParam("tz") String tz) {
        int agentId = AgentIds.parse(agentText);
        int deviceId = AgentIds.parse(deviceText);
        DomotzTarget target = console.target();
        RtdWindow rtd = RtdWindow.read(gateway, target, agentId, deviceId, range, from, to, tz, clock.instant());
        TimeRange window = rtd.range();
        List<DeviceHistoryEvent> events = gateway.getDeviceStatusHistory(target, agentId, deviceId, window.from(),
                window.to());
        return table(rtd.samples(), events).download("device-" + deviceId + "-history-" + window.range() + ".csv");
    }

    static Csv table(List<RtdSample> samples, List<DeviceHistoryEvent> events) {
        record Line(Instant at, List<Object> cells) {}
        List<Line> lines = new ArrayList<>();
        samples.forEach(s -> lines.add(new Line(s.timestamp(), Arrays.asList(s.timestamp(), "rtd", blank(s.min()),
                blank(s.median()), blank(s.max()), blank(s.lostPacketCount()), blank(s.sentPacketCount()), "", "", ""))));
        events.forEach(e -> lines.add(new Line(e.timestamp(), Arrays.asList(e.timestamp(), "status", "", "", "", "", "",
                e.type(), e.details() == null || e.details().oldIp() == null ? "" : String.join(" ", e.details().oldIp()),
                e.details() == null || e.details().newIp() == null ? "" : String.join(" ", e.details().newIp())))));
        lines.sort(Comparator.comparing(Line::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        Csv csv = new Csv().row("time_utc", "record", "rtd_min_ms", "rtd_median_ms", "rtd_max_ms", "lost_packets",
                "sent_packets", "event", "old_ip", "new_ip");
        lines.forEach(line -> csv.row(line.cells()));
        return csv;
    }

    private static Object blank(Object value) {
        return value == null ? "" : value;
    }
}
