package io.sitedeck.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Sandbox: getAgentRTDStats, getDeviceRTDHistory, getDeviceStatusHistory. */
@Path(SandboxGate.BASE_PATH)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxMetricsResource {

    @Inject
    Clock clock;

    private final SandboxGate gate;
    private final SandboxWorld world;
    private final SandboxHistories histories;

    SandboxMetricsResource(SandboxGate gate, SandboxWorld world, SandboxHistories histories) {
        this.gate = gate;
        this.world = world;
        this.histories = histories;
    }

    /** A weekly baseline (averages over the last 7 days) and the latest sample of each IP device. */
    @GET
    @Path("/agent/{agent_id}/device/rtd")
    public Uni<Response> getAgentRTDStats(@PathParam("agent_id") String agentId) {
        return gate.serve(key -> {
            SandboxAgent agent = world.readableAgent(key, agentId);
            Instant now = clock.instant();
            return Response.ok(world.onDevices(agent, devices -> {
                ArrayNode stats = SandboxJson.array();
                devices.values().stream().filter(SandboxDevice::isIp).filter(d -> !"HIDDEN".equals(d.status))
                        .forEach(d -> stats.add(SandboxJson.rtdStatistics(d,
                                histories.rtd(d, now.minus(Duration.ofDays(7)), now), histories.latestRtd(d, now))));
                return stats;
            })).build();
        });
    }

    @GET
    @Path("/agent/{agent_id}/device/{device_id}/history/rtd")
    public Uni<Response> getDeviceRTDHistory(@PathParam("agent_id") String agentId, @PathParam("device_id") String deviceId,
                                             @QueryParam("from") String from, @QueryParam("to") String to) {
        return gate.serve(key -> {
            SandboxInput.Window window = histories.window(from, to);
            return Response.ok(world.onDevice(world.readableAgent(key, agentId), deviceId, device -> {
                ArrayNode samples = SandboxJson.array();
                if (device.isIp()) {
                    histories.rtd(device, window.from(), window.to()).forEach(p -> samples.add(SandboxJson.rtdSample(p)));
                }
                return samples;
            })).build();
        });
    }

    @GET
    @Path("/agent/{agent_id}/device/{device_id}/history/network/event")
    public Uni<Response> getDeviceStatusHistory(@PathParam("agent_id") String agentId,
                                                @PathParam("device_id") String deviceId,
                                                @QueryParam("from") String from, @QueryParam("to") String to) {
        return gate.serve(key -> {
            SandboxInput.Window window = histories.window(from, to);
            return Response.ok(world.onDevice(world.readableAgent(key, agentId), deviceId, device -> {
                ArrayNode events = SandboxJson.array();
                if (device.isIp()) {
                    histories.deviceStatus(device, window.from(), window.to())
                            .forEach(e -> events.add(SandboxJson.statusEvent(e)));
                }
                return events;
            })).build();
        });
    }
}
