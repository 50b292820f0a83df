package io.sitedeck.alerts;

import io.sitedeck.account.Role;
import io.sitedeck.agents.AgentIds;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.web.DomotzActions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Binds and unbinds alert profiles to a site or a device with one click (TECHNICIAN or ADMIN,
 * audited), then returns to the page the click came from.
 */
@Path("/alerts/profiles/{profileId}/agents/{agentId}")
@RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
public class BindingsResource {

    private final DomotzGateway gateway;
    private final DomotzActions actions;

    BindingsResource(DomotzGateway gateway, DomotzActions actions) {
        this.gateway = gateway;
        this.actions = actions;
    }

    @POST
    public Response agent(@PathParam("profileId") String profileId, @PathParam("agentId") String agentId,
                          @RestForm boolean bound, @RestForm String back) {
        int profile = AgentIds.parse(profileId);
        int agent = AgentIds.parse(agentId);
        return act("agent " + agent, profile, bound, back, t -> {
            if (bound) {
                gateway.bindAlertProfileToAgent(t, profile, agent);
            } else {
                gateway.unbindAlertProfileFromAgent(t, profile, agent);
            }
        });
    }

    @POST
    @Path("devices/{deviceId}")
    public Response device(@PathParam("profileId") String profileId, @PathParam("agentId") String agentId,
                           @PathParam("deviceId") String deviceId, @RestForm boolean bound, @RestForm String back) {
        int profile = AgentIds.parse(profileId);
        int agent = AgentIds.parse(agentId);
        int device = AgentIds.parse(deviceId);
        return act("agent " + agent + " device " + device, profile, bound, back, t -> {
            if (bound) {
                gateway.bindAlertProfileToDevice(t, profile, agent, device);
            } else {
                gateway.unbindAlertProfileFromDevice(t, profile, agent, device);
            }
        });
    }

    private Response act(String what, int profile, boolean bind, String back, DomotzActions.Consumer call) {
        String to = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/alerts";
        return actions.run(bind ? "alert.bind" : "alert.unbind", what, "profile " + profile, null, call,
                () -> Response.seeOther(URI.create(to)).header("HX-Trigger", "bindingsChanged").build());
    }
}
