package io.sitedeck.devices;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.console.PlainRefusal;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.RtdSample;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.web.Htmx;
import io.sitedeck.web.TimeRange;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * A device's round-trip-delay samples outside its page, so the page stays light: the chart's data
 * as compact JSON columns, and the samples table as a part htmx loads when someone opens it (a page
 * of its own without JavaScript). Both read the same window as the page (its URLs name it exactly),
 * so both come from the gateway's cache: no extra Domotz call.
 */
@Path("/agents/{agentId}/devices/{deviceId}/rtd")
public class RtdSamplesResource {

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance samples(Samples view);

        static native TemplateInstance samples$table(Samples view);
    }

    /** The samples of one window, with the site and device they belong to (the page's breadcrumb). */
    public record Samples(Agent agent, int deviceId, String deviceName, TimeRange range, List<RtdSample> samples) {
        public String deviceUrl() {
            return "/agents/" + agent.id() + "/devices/" + deviceId;
        }
    }

    /** uPlot's data layout: times (epoch seconds), then min, median, max and lost packets, one array each. */
    public record ChartColumns(List<Long> t, List<Double> min, List<Double> median, List<Double> max,
                               List<Integer> lost) {
        static ChartColumns of(List<RtdSample> samples) {
            return new ChartColumns(column(samples, s -> s.timestamp() == null ? null : s.timestamp().getEpochSecond()),
                    column(samples, RtdSample::min), column(samples, RtdSample::median), column(samples, RtdSample::max),
                    column(samples, RtdSample::lostPacketCount));
        }

        private static <T> List<T> column(List<RtdSample> samples, Function<RtdSample, T> value) {
            return samples.stream().map(value).toList();
        }
    }

    private final ConsoleContext console;
    private final DomotzGateway gateway;

    RtdSamplesResource(ConsoleContext console, DomotzGateway gateway) {
        this.console = console;
        this.gateway = gateway;
    }

    @GET
    @Path("samples")
    public Response samples(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                            @QueryParam("range") String range, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("tz") String tz, @Context HttpHeaders headers) {
        DomotzTarget target = console.target();
        int agent = AgentIds.parse(agentId);
        int device = AgentIds.parse(deviceId);
        RtdWindow rtd = RtdWindow.read(gateway, target, agent, device, range, from, to, tz, clock.instant());
        String name = Htmx.requested(headers) ? "" : gateway.getDevice(target, agent, device).name();
        Samples view = new Samples(rtd.agent(), device, name, rtd.range(), rtd.samples());
        return Htmx.pageOrFragment(headers, 200, Templates.samples(view), Templates.samples$table(view));
    }

    @GET
    @Path("chart.json")
    @PlainRefusal
    public Response chart(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                          @QueryParam("range") String range, @QueryParam("from") String from,
                          @QueryParam("to") String to, @QueryParam("tz") String tz) {
        RtdWindow rtd = RtdWindow.read(gateway, console.target(), AgentIds.parse(agentId), AgentIds.parse(deviceId),
                range, from, to, tz, clock.instant());
        return Response.ok(ChartColumns.of(rtd.samples()), MediaType.APPLICATION_JSON).header("Cache-Control", "private, no-cache")
                .build();
    }
}
