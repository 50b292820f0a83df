package io.sitedeck.alerts;

import io.sitedeck.account.Connections;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.account.Role;
import io.sitedeck.agents.AgentIds;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.web.ConsoleContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
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

    private final CurrentUser user;
    private final ConsoleContext console;
    private final Connections connections;
    private final DomotzGateway gateway;
    private final AuditLog audit;

    BindingsResource(CurrentUser user, ConsoleContext console, Connections connections, DomotzGateway gateway,
                     AuditLog audit) {
        this.user = user;
        this.console = console;
        this.connections = connections;
        this.gateway = gateway;
        this.audit = audit;
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

    private Response act(String what, int profile, boolean bind, String back,
                         java.util.function.Consumer<DomotzTarget> call) {
        DomotzConnection connection = console.requiredConnection();
        String target = what + " via " + connection.name;
        String action = bind ? "alert.bind" : "alert.unbind";
        try {
            call.accept(connections.target(connection));
        } catch (DomotzException failure) {
            audit.record(user.tenantId(), user.email(), action, target, "failed: profile " + profile + ": "
                    + failure.explanation());
            return Response.status(409).type(MediaType.TEXT_PLAIN).entity("Domotz refused: " + failure.getMessage())
                    .build();
        }
        audit.record(user.tenantId(), user.email(), action, target, "ok: profile " + profile);
        String to = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/alerts";
        return Response.seeOther(URI.create(to)).header("HX-Trigger", "bindingsChanged").build();
    }
}
