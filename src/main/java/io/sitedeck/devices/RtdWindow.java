package io.sitedeck.devices;

import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.RtdSample;
import io.sitedeck.web.TimeRange;
import java.time.Instant;
import java.util.List;

/**
 * A device's round-trip-delay samples over the window a URL names (range, from, to, tz), in its
 * site's time zone: what the samples table, the chart's data and the history CSV all start from.
 */
record RtdWindow(Agent agent, TimeRange range, List<RtdSample> samples) {

    static RtdWindow read(DomotzGateway gateway, DomotzTarget target, int agentId, int deviceId, String range,
                          String from, String to, String tz, Instant now) {
        Agent agent = gateway.getAgent(target, agentId);
        TimeRange window = TimeRange.parse(range, from, to, tz, agent.timezone(), now);
        return new RtdWindow(agent, window, gateway.getDeviceRTDHistory(target, agentId, deviceId, window.from(),
                window.to()));
    }
}
