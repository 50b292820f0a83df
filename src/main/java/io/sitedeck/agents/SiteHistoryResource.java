package io.sitedeck.agents;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentHistoryEvent;
import io.sitedeck.domotz.model.SpeedSample;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.web.TimeRange;
import io.sitedeck.web.Timeline;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A site's own history: the agent's connection timeline and its Internet speed tests, for a
 * time range in the URL. Its own page, so the site page stays within 4 upstream calls.
 * Upstream calls: getAgent (warm from the site page), getAgentStatusHistory, getSpeedTestHistory.
 */
@Path("/agents/{agentId}/history")
public class SiteHistoryResource {

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(HistoryView view);
    }

    /** Speed samples in Mbit/s for the table and chart. */
    public record Speed(Instant at, String download, String upload) {}

    public record HistoryView(Agent agent, TimeRange range, List<AgentHistoryEvent> events, Timeline.Drawing line,
                              List<Speed> speeds) {}

    private final DomotzGateway gateway;
    private final ConsoleContext console;

    SiteHistoryResource(DomotzGateway gateway, ConsoleContext console) {
        this.gateway = gateway;
        this.console = console;
    }

    @GET
    public Response history(@PathParam("agentId") String agentId, @QueryParam("range") String range,
                            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz) {
        int id = AgentIds.parse(agentId);
        DomotzTarget target = console.target();
        Agent agent = gateway.getAgent(target, id);
        TimeRange window = TimeRange.parse(range, from, to, tz, agent.timezone(), clock.instant());
        List<AgentHistoryEvent> events = gateway.getAgentStatusHistory(target, id, window.from(), window.to());
        List<Speed> speeds = gateway.getSpeedTestHistory(target, id, window.from(), window.to()).stream()
                .filter(s -> s.timestamp() != null).map(SiteHistoryResource::speed).toList();
        HistoryView view = new HistoryView(agent, window, events, line(events, window), speeds);
        return Response.ok(Templates.history(view)).type("text/html;charset=UTF-8").build();
    }

    /** Lost connection and DOWN open an outage; recovered and UP close it. */
    private static Timeline.Drawing line(List<AgentHistoryEvent> events, TimeRange window) {
        return Timeline.draw(events.stream().map(e -> new Timeline.Event(e.timestamp(), switch (e.type()) {
            case CONNECTION_LOST, DOWN -> Timeline.Kind.DOWN;
            case CONNECTION_RECOVERED, UP -> Timeline.Kind.UP;
            default -> Timeline.Kind.MARKER;
        }, e.type().name())).toList(), window.from(), window.to(), window);
    }

    private static Speed speed(SpeedSample sample) {
        return new Speed(sample.timestamp(), mbit(sample.downloadBps()), mbit(sample.uploadBps()));
    }

    private static String mbit(Long bps) {
        return bps == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", bps / 1_000_000.0);
    }
}
