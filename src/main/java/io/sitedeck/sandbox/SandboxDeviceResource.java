package io.sitedeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** Sandbox: listDevices, getDevice, deleteDevice, deleteDownDevices, hideDevice, setCredentials, setSnmpCommunity, editDevice. */
@Path(SandboxGate.BASE_PATH)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxDeviceResource {

    @Inject
    Clock clock;

    private final SandboxGate gate;
    private final SandboxWorld world;

    SandboxDeviceResource(SandboxGate gate, SandboxWorld world) {
        this.gate = gate;
        this.world = world;
    }

    @GET
    @Path("/agent/{agent_id}/device")
    public Uni<Response> listDevices(@PathParam("agent_id") String agentId, @QueryParam("show_hidden") String showHidden) {
        return gate.serve(key -> {
            SandboxAgent agent = world.readableAgent(key, agentId);
            boolean hidden = SandboxInput.bool(showHidden, "show_hidden", false);
            Instant now = clock.instant();
            ArrayNode devices = world.onDevices(agent, all -> {
                ArrayNode list = SandboxJson.array();
                for (SandboxDevice device : all.values()) {
                    world.settleCredentials(device, now);
                    if (hidden || !"HIDDEN".equals(device.status)) {
                        list.add(SandboxJson.device(device));
                    }
                }
                return list;
            });
            return Response.ok(devices).build();
        });
    }

    @GET
    @Path("/agent/{agent_id}/device/{device_id}")
    public Uni<Response> getDevice(@PathParam("agent_id") String agentId, @PathParam("device_id") String deviceId) {
        return gate.serve(key -> Response.ok(
                world.onDevice(world.readableAgent(key, agentId), deviceId, SandboxJson::device)).build());
    }

    @DELETE
    @Path("/agent/{agent_id}/device/{device_id}")
    public Uni<Response> deleteDevice(@PathParam("agent_id") String agentId, @PathParam("device_id") String deviceId) {
        return gate.serve(key -> {
            SandboxAgent agent = world.readableAgent(key, agentId);
            int id = world.onDevice(agent, deviceId, device -> device.id);
            world.onDevices(agent, devices -> devices.remove(id));
            world.deviceBindings().removeIf(b -> b.deviceId() == id);
            return Response.noContent().build();
        });
    }

    /** Removes every DOWN device discovered over IP (LAN and subnet); manual and dummy devices stay. */
    @DELETE
    @Path("/agent/{agent_id}/device")
    public Uni<Response> deleteDownDevices(@PathParam("agent_id") String agentId) {
        return gate.serve(key -> {
            SandboxAgent agent = world.readableAgent(key, agentId);
            Set<Integer> remaining = world.onDevices(agent, devices -> {
                devices.values().removeIf(d -> "DOWN".equals(d.status)
                        && (d.kind == SandboxDevice.Kind.LOCAL || d.kind == SandboxDevice.Kind.SUBNET));
                return Set.copyOf(devices.keySet());
            });
            world.deviceBindings().removeIf(b -> b.agentId() == agent.id && !remaining.contains(b.deviceId()));
            return Response.noContent().build();
        });
    }

    @DELETE
    @Path("/agent/{agent_id}/device/{device_id}/visibility")
    public Uni<Response> hideDevice(@PathParam("agent_id") String agentId, @PathParam("device_id") String deviceId) {
        return gate.serve(key -> world.onDevice(world.readableAgent(key, agentId), deviceId, device -> {
            if (!"DOWN".equals(device.status)) {
                throw SandboxError.badRequest("Only DOWN devices can be hidden; device " + device.id + " is "
                        + (device.status == null ? "a dummy device" : device.status));
            }
            device.status = "HIDDEN";
            return Response.noContent().build();
        }));
    }

    @PUT
    @Path("/agent/{agent_id}/device/{device_id}/credentials")
    public Uni<Response> setCredentials(@PathParam("agent_id") String agentId, @PathParam("device_id") String deviceId,
                                        String body) {
        return gate.serve(key -> {
            JsonNode credentials = SandboxBodies.object(body);
            SandboxBodies.requiredText(credentials, "username");
            String password = SandboxBodies.requiredText(credentials, "password");
            return world.onDevice(world.readableAgent(key, agentId), deviceId, device -> {
                requireIp(device, "credentials");
                device.authenticationStatus = "PENDING";
                device.credentialsSubmitted = clock.instant();
                // The sandbox's one rule for telling good from bad credentials (documented in the README).
                device.credentialsAccepted = !password.startsWith("wrong");
                return Response.noContent().build();
            });
        });
    }

    @PUT
    @Path("/agent/{agent_id}/device/{device_id}/snmp-community")
    public Uni<Response> setSnmpCommunity(@PathParam("agent_id") String agentId, @PathParam("device_id") String deviceId,
                                          String body) {
        return gate.serve(key -> {
            JsonNode community = SandboxBodies.object(body);
            String read = SandboxBodies.requiredText(community, "read");
            String write = SandboxBodies.optionalText(community, "write");
            return world.onDevice(world.readableAgent(key, agentId), deviceId, device -> {
                requireIp(device, "an SNMP community");
                device.snmpRead = read;
                device.snmpWrite = write == null || write.isEmpty() ? read : write;
                return Response.noContent().build();
            });
        });
    }

    /** The field arrives as {@code user_data/name} or, from some clients, {@code user_data%2Fname}. */
    @PUT
    @Path("/agent/{agent_id}/device/{device_id}/{field: .+}")
    public Uni<Response> editDevice(@PathParam("agent_id") String agentId, @PathParam("device_id") String deviceId,
                                    @PathParam("field") String field, String body) {
        return gate.serve(key -> {
            String path = field.contains("%") ? URLDecoder.decode(field, StandardCharsets.UTF_8) : field;
            String value = SandboxBodies.jsonString(body);
            return world.onDevice(world.readableAgent(key, agentId), deviceId, device -> {
                DeviceEdits.apply(device, path, value);
                return Response.noContent().build();
            });
        });
    }

    private static void requireIp(SandboxDevice device, String what) {
        if (!device.isIp()) {
            throw SandboxError.badRequest("Device " + device.id + " is a dummy device: it cannot take " + what);
        }
    }
}
