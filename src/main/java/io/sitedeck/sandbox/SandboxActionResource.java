package io.sitedeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/** Sandbox: getDevicePowerActions, powerActionOnDevice, connectToDevice, onvifSnapshot. */
@Path(SandboxGate.BASE_PATH)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxActionResource {

    @Inject
    Clock clock;

    static final Duration CONNECTION_LIFETIME = Duration.ofHours(1);
    private static final Set<String> POWER_ACTIONS = Set.of("on", "off", "software-reboot", "cycle");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private final SandboxGate gate;
    private final SandboxWorld world;
    private final SandboxWebhooks webhooks;

    SandboxActionResource(SandboxGate gate, SandboxWorld world, SandboxWebhooks webhooks) {
        this.gate = gate;
        this.world = world;
        this.webhooks = webhooks;
    }

    @GET
    @Path("/agent/{agent_id}/device/{device_id}/action/power")
    public Uni<Response> getDevicePowerActions(@PathParam("agent_id") String agentId,
                                               @PathParam("device_id") String deviceId) {
        return gate.serve(key -> Response.ok(
                world.onDevice(world.readableAgent(key, agentId), deviceId, SandboxJson::powerActions)).build());
    }

    /** Only what getDevicePowerActions offers right now is allowed; off takes the device DOWN, on brings it back. */
    @POST
    @Path("/agent/{agent_id}/device/{device_id}/action/power/{field}")
    public Uni<Response> powerActionOnDevice(@PathParam("agent_id") String agentId,
                                             @PathParam("device_id") String deviceId, @PathParam("field") String field) {
        return gate.serve(key -> {
            String action = SandboxBodies.oneOf(field, "field", POWER_ACTIONS);
            return world.onDevice(world.readableAgent(key, agentId), deviceId, device -> {
                ObjectNode available = SandboxJson.powerActions(device);
                if (!available.get(action.replace('-', '_')).asBoolean()) {
                    throw SandboxError.badRequest("Power action '" + action + "' is not available on device "
                            + device.id + " at the moment");
                }
                Instant now = clock.instant();
                switch (action) {
                    case "off" -> {
                        device.poweredOn = false;
                        statusChanged(device, "DOWN", now);
                    }
                    case "on" -> {
                        device.poweredOn = true;
                        statusChanged(device, "ONLINE", now);
                    }
                    default -> {
                        // cycle and software-reboot: down for a moment, back before anyone looks again.
                        statusChanged(device, "DOWN", now);
                        statusChanged(device, "ONLINE", now.plusSeconds(1));
                    }
                }
                return Response.noContent().build();
            });
        });
    }

    /** An IP device's status follows its power; a change raises device_status for the profiles bound to it. */
    private void statusChanged(SandboxDevice device, String status, Instant at) {
        if (device.isIp() && device.changeStatus(status, at)) {
            webhooks.deviceEvent(device.agentId, device.id, "device_status", at,
                    SandboxJson.object().put("value", "ONLINE".equals(status) ? "UP" : "DOWN"));
        }
    }

    @POST
    @Path("/agent/{agent_id}/device/{device_id}/connection")
    public Uni<Response> connectToDevice(@PathParam("agent_id") String agentId, @PathParam("device_id") String deviceId,
                                         String body, @Context UriInfo uri) {
        String origin = uri.getBaseUri().toString().replaceAll("/$", "");
        return gate.serve(key -> {
            JsonNode request = SandboxBodies.object(body);
            String allowedIp = SandboxBodies.requiredText(request, "allowed_ip");
            if (!IPV4.matcher(allowedIp).matches()) {
                throw SandboxError.badRequest("'allowed_ip' must be an IPv4 address (0.0.0.0 allows any), got '"
                        + allowedIp + "'");
            }
            int port = SandboxBodies.requiredInt(request, "port");
            if (port < 1 || port > 65535) {
                throw SandboxError.badRequest("'port' must be between 1 and 65535");
            }
            String protocol = SandboxBodies.oneOf(SandboxBodies.requiredText(request, "protocol"), "protocol",
                    Set.of("http", "https", "tcp"));
            return world.onDevice(world.readableAgent(key, agentId), deviceId, device -> {
                if (!device.isIp() || !"ONLINE".equals(device.status) || !device.agentReachable) {
                    throw SandboxError.badRequest("Device " + device.id + " is not online and reachable by the agent");
                }
                SandboxWorld.Connection c = world.openConnection(device, protocol, port, allowedIp,
                        clock.instant().plus(CONNECTION_LIFETIME));
                ObjectNode session = SandboxJson.object();
                session.put("allowed_ip", c.allowedIp());
                session.put("expiration", SandboxJson.entityTime(c.expiration()));
                session.put("id", c.id());
                session.put("link", "tcp".equals(protocol)
                        ? "tcp://" + uri.getBaseUri().getHost() + ":" + (40000 + c.id() % 20000)
                        : origin + "/sandbox/connection/" + c.id());
                session.put("port", c.port());
                session.put("protocol", c.protocol());
                return Response.status(201).entity(session).build();
            });
        });
    }

    @GET
    @Path("/agent/{agent_id}/device/{device_id}/multimedia/camera/snapshot")
    @Produces({"image/jpeg", MediaType.APPLICATION_JSON})
    public Uni<Response> onvifSnapshot(@PathParam("agent_id") String agentId, @PathParam("device_id") String deviceId) {
        return gate.serve(key -> world.onDevice(world.readableAgent(key, agentId), deviceId, device -> {
            boolean camera = SandboxCatalogue.detectedType(device.detectedId)
                    .map(t -> t.capabilities().contains(SandboxCatalogue.SNAPSHOT)).orElse(false);
            if (!camera) {
                throw SandboxError.badRequest("Device " + device.id + " is not a camera with the snapshot capability");
            }
            if (!"ONLINE".equals(device.status)) {
                throw SandboxError.badRequest("Camera " + device.id + " is offline (" + device.status + ")");
            }
            if ("REQUIRED".equals(device.authenticationStatus) || "WRONG_CREDENTIALS".equals(device.authenticationStatus)) {
                throw SandboxError.badRequest("Camera " + device.id + " is locked: set its credentials first");
            }
            return Response.ok(SnapshotImages.jpeg(device.id, clock.instant()), "image/jpeg").build();
        }));
    }
}
