package io.sitedeck.devices;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Connections;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.agents.AgentIds;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.DetectedDeviceType;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceBaseType;
import io.sitedeck.domotz.model.RtdStatistics;
import io.sitedeck.web.Ago;
import io.sitedeck.web.ConsoleContext;
import io.sitedeck.web.UpstreamProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Objects;

/**
 * One device, everything the API knows about it, laid out by kind. Upstream calls: getAgent,
 * getDevice, both type catalogues and getAgentRTDStats — all but getDevice are usually warm from
 * the site page; SNMP communities are shown masked.
 */
@Path("/agents/{agentId}/devices/{deviceId}")
public class DeviceResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance device(DeviceView view);
    }

    /** The page's data; {@code problem} replaces it when Domotz failed. */
    public record DeviceView(Agent agent, Device device, String since, String typeLabel, DetectedDeviceType detected,
                             RtdStatistics rtd, UpstreamProblem problem) {
        public String masked(String secret) {
            return secret == null || secret.isEmpty() ? "—" : "set (••••)";
        }
    }

    private final DomotzGateway gateway;
    private final ConsoleContext console;
    private final Connections connections;

    DeviceResource(DomotzGateway gateway, ConsoleContext console, Connections connections) {
        this.gateway = gateway;
        this.console = console;
        this.connections = connections;
    }

    @GET
    public Response device(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId) {
        int agent = AgentIds.parse(agentId);
        int device = AgentIds.parse(deviceId);
        DomotzConnection connection = console.current()
                .orElseThrow(() -> new NotFoundException("Add a Domotz connection to see this device"));
        DeviceView view = view(connections.target(connection), connection.name, agent, device);
        return Response.status(view.problem() == null ? 200 : view.problem().pageStatus())
                .entity(Templates.device(view)).type("text/html;charset=UTF-8").build();
    }

    private DeviceView view(DomotzTarget target, String connectionName, int agentId, int deviceId) {
        try {
            Agent agent = gateway.getAgent(target, agentId);
            Device device = gateway.getDevice(target, agentId, deviceId);
            Integer typeId = device.userData() != null && device.userData().type() != null ? device.userData().type()
                    : device.type() == null ? null : device.type().id();
            Integer detectedId = device.type() == null ? null : device.type().detectedId();
            String typeLabel = typeId == null ? null : gateway.listDeviceBaseTypes(target).stream()
                    .filter(t -> typeId.equals(t.id())).map(DeviceBaseType::label).findFirst().orElse("Type " + typeId);
            DetectedDeviceType detected = detectedId == null ? null : gateway.listDeviceDetectedTypes(target).stream()
                    .filter(t -> detectedId.equals(t.id())).findFirst().orElse(null);
            RtdStatistics rtd = device.kind() == io.sitedeck.domotz.model.DeviceKind.DUMMY ? null
                    : gateway.getAgentRTDStats(target, agentId).stream()
                            .filter(s -> Objects.equals(s.deviceId(), deviceId)).findFirst().orElse(null);
            return new DeviceView(agent, device, Ago.since(device.lastStatusChange(), Instant.now()), typeLabel, detected,
                    rtd, null);
        } catch (DomotzException failure) {
            return new DeviceView(null, null, null, null, null, null, UpstreamProblem.of(failure, connectionName));
        }
    }
}
