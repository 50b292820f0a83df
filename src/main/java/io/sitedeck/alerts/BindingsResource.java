package io.sitedeck.alerts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Role;
import io.sitedeck.console.DomotzActions;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.shared.LocalPaths;
import io.sitedeck.web.Htmx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Binds and unbinds alert profiles to a site or a device with one click (TECHNICIAN or ADMIN,
 * audited), then returns to the page the click came from.
 */
@Path("/alerts/profiles/{profileId}/agents")
@RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
public class BindingsResource {

    /** The htmx event the alert overviews refresh themselves on. */
    static final String BINDINGS_CHANGED = "bindingsChanged";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(RawString profiles);
    }

    private final DomotzGateway gateway;
    private final DomotzActions actions;
    private final Bindings bindings;
    private final ProfilesPanel table;

    BindingsResource(DomotzGateway gateway, DomotzActions actions, Bindings bindings, ProfilesPanel table) {
        this.table = table;
        this.gateway = gateway;
        this.actions = actions;
        this.bindings = bindings;
    }

    /** Binds to the site chosen in a list (the alerts overview): the same as posting to its own URL. */
    @POST
    public Response chosenAgent(@PathParam("profileId") String profileId, @RestForm String agentId,
                                @Context HttpHeaders headers) {
        return agent(profileId, agentId == null ? "" : agentId, true, "/alerts", headers);
    }

    @POST
    @Path("{agentId}")
    public Response agent(@PathParam("profileId") String profileId, @PathParam("agentId") String agentId,
                          @RestForm boolean bound, @RestForm String back, @Context HttpHeaders headers) {
        int profile = AgentIds.parse(profileId);
        int agent = AgentIds.parse(agentId);
        return act("agent " + agent, profile, bound, back, headers, t -> bindings.ofAgent(t, agent), t -> {
            if (bound) {
                gateway.bindAlertProfileToAgent(t, profile, agent);
            } else {
                gateway.unbindAlertProfileFromAgent(t, profile, agent);
            }
        });
    }

    @POST
    @Path("{agentId}/devices/{deviceId}")
    public Response device(@PathParam("profileId") String profileId, @PathParam("agentId") String agentId,
                           @PathParam("deviceId") String deviceId, @RestForm boolean bound, @RestForm String back,
                           @Context HttpHeaders headers) {
        int profile = AgentIds.parse(profileId);
        int agent = AgentIds.parse(agentId);
        int device = AgentIds.parse(deviceId);
        return act("agent " + agent + " device " + device, profile, bound, back, headers,
                t -> bindings.ofDevice(t, agent, device), t -> {
            if (bound) {
                gateway.bindAlertProfileToDevice(t, profile, agent, device);
            } else {
                gateway.unbindAlertProfileFromDevice(t, profile, agent, device);
            }
        });
    }

    /**
     * A plain form post goes back where it came from; htmx gets the panel again, read from Domotz
     * after the change (the binding list was invalidated), so it shows what Domotz now has.
     */
    private Response act(String what, int profile, boolean bind, String back, HttpHeaders headers,
                         Function<DomotzTarget, ProfilesView> panel, DomotzActions.DomotzCall call) {
        URI to = LocalPaths.backOr(back, "/alerts");
        return actions.call(bind ? "alert.bind" : "alert.unbind", what, "profile " + profile, t -> {
            call.accept(t);
            Response.ResponseBuilder answer = Htmx.requested(headers)
                    ? Response.ok(Templates.panel(table.of(panel.apply(t)))).type(MediaType.TEXT_HTML)
                    : Response.seeOther(to);
            return answer.header(Htmx.TRIGGER, BINDINGS_CHANGED).build();
        });
    }
}
