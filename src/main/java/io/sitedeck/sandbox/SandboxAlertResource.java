package io.sitedeck.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;

/**
 * Sandbox: getAlertProfiles and the six binding operations. Binding is idempotent: binding twice
 * or unbinding what is not bound answers 204 and changes nothing.
 */
@Path(SandboxGate.BASE_PATH)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxAlertResource {

    private final SandboxGate gate;
    private final SandboxWorld world;

    SandboxAlertResource(SandboxGate gate, SandboxWorld world) {
        this.gate = gate;
        this.world = world;
    }

    @GET
    @Path("/user/{user_id}/alert-profile")
    public Uni<Response> getAlertProfiles(@PathParam("user_id") String userId) {
        return gate.serve(key -> {
            int id = SandboxInput.id(userId, "user_id");
            if (id != key.userId()) {
                throw new SandboxError(403, "This key belongs to user " + key.userId() + ", not to user " + id);
            }
            ArrayNode profiles = SandboxJson.array();
            for (SandboxAlertProfiles.Profile p : SandboxAlertProfiles.PROFILES) {
                ObjectNode json = profiles.addObject();
                json.put("description", p.description());
                p.events().forEach(json.putArray("events")::add);
                json.put("id", p.id());
                json.put("is_enabled", p.enabled());
                json.put("name", p.name());
                json.put("tag", p.tag());
            }
            return Response.ok(profiles).build();
        });
    }

    @GET
    @Path("/alert-profile/binding/agent/{agent_id}")
    public Uni<Response> getAgentAlertProfile(@PathParam("agent_id") String agentId) {
        return gate.serve(key -> {
            SandboxAgent agent = world.readableAgent(key, agentId);
            ArrayNode bindings = SandboxJson.array();
            world.agentBindings().stream().filter(b -> b.agentId() == agent.id)
                    .sorted(Comparator.comparingInt(SandboxWorld.AgentBinding::profileId))
                    .forEach(b -> bindings.addObject().put("alert_profile_id", b.profileId()));
            return Response.ok(bindings).build();
        });
    }

    @GET
    @Path("/alert-profile/binding/agent/{agent_id}/device")
    public Uni<Response> getDevicesAlertProfile(@PathParam("agent_id") String agentId) {
        return gate.serve(key -> {
            SandboxAgent agent = world.readableAgent(key, agentId);
            ArrayNode bindings = SandboxJson.array();
            world.deviceBindings().stream().filter(b -> b.agentId() == agent.id)
                    .sorted(Comparator.comparingInt(SandboxWorld.DeviceBinding::deviceId)
                            .thenComparingInt(SandboxWorld.DeviceBinding::profileId))
                    .forEach(b -> bindings.addObject().put("alert_profile_id", b.profileId()).put("device_id", b.deviceId()));
            return Response.ok(bindings).build();
        });
    }

    @POST
    @Path("/alert-profile/{alert_profile_id}/binding/agent/{agent_id}")
    public Uni<Response> bindAlertProfileToAgent(@PathParam("alert_profile_id") String profileId,
                                                 @PathParam("agent_id") String agentId) {
        return gate.serve(key -> {
            SandboxWorld.AgentBinding binding = agentBinding(key, profileId, agentId);
            world.agentBindings().add(binding);
            return Response.noContent().build();
        });
    }

    @DELETE
    @Path("/alert-profile/{alert_profile_id}/binding/agent/{agent_id}")
    public Uni<Response> unbindAlertProfileFromAgent(@PathParam("alert_profile_id") String profileId,
                                                     @PathParam("agent_id") String agentId) {
        return gate.serve(key -> {
            world.agentBindings().remove(agentBinding(key, profileId, agentId));
            return Response.noContent().build();
        });
    }

    @POST
    @Path("/alert-profile/{alert_profile_id}/binding/agent/{agent_id}/device/{device_id}")
    public Uni<Response> bindAlertProfileToDevice(@PathParam("alert_profile_id") String profileId,
                                                  @PathParam("agent_id") String agentId,
                                                  @PathParam("device_id") String deviceId) {
        return gate.serve(key -> {
            world.deviceBindings().add(deviceBinding(key, profileId, agentId, deviceId));
            return Response.noContent().build();
        });
    }

    @DELETE
    @Path("/alert-profile/{alert_profile_id}/binding/agent/{agent_id}/device/{device_id}")
    public Uni<Response> unbindAlertProfileFromDevice(@PathParam("alert_profile_id") String profileId,
                                                      @PathParam("agent_id") String agentId,
                                                      @PathParam("device_id") String deviceId) {
        return gate.serve(key -> {
            world.deviceBindings().remove(deviceBinding(key, profileId, agentId, deviceId));
            return Response.noContent().build();
        });
    }

    private SandboxWorld.AgentBinding agentBinding(SandboxKey key, String profileId, String agentId) {
        int profile = profile(profileId);
        return new SandboxWorld.AgentBinding(profile, world.readableAgent(key, agentId).id);
    }

    private SandboxWorld.DeviceBinding deviceBinding(SandboxKey key, String profileId, String agentId, String deviceId) {
        int profile = profile(profileId);
        SandboxAgent agent = world.readableAgent(key, agentId);
        int device = world.onDevice(agent, deviceId, d -> d.id);
        return new SandboxWorld.DeviceBinding(profile, agent.id, device);
    }

    private static int profile(String profileId) {
        int id = SandboxInput.id(profileId, "alert_profile_id");
        if (!SandboxAlertProfiles.exists(id)) {
            throw SandboxError.notFound("Alert profile " + id + " not found");
        }
        return id;
    }
}
