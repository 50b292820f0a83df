package io.sitedeck.devices;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Role;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.web.Htmx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The seven field editors of a device, outside its page so the page stays light (issue #15): htmx
 * loads them when a technician opens "Edit…"; without JavaScript the link there opens them as a
 * page of their own. Each editor saves through {@link DeviceActionsResource}. Read from the
 * gateway's cache like the page itself: no extra Domotz call.
 */
@Path("/agents/{agentId}/devices/{deviceId}/edit")
@RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
public class DeviceEditResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(Editors view);

        static native TemplateInstance edit$editors(Editors view);
    }

    /** A device's editors, with its site and name for the page's breadcrumb. */
    public record Editors(Agent agent, Device device, List<FieldEditor> fields) {
        public String deviceUrl() {
            return "/agents/" + agent.id() + "/devices/" + device.id();
        }
    }

    private final ConsoleContext console;
    private final DomotzGateway gateway;

    DeviceEditResource(ConsoleContext console, DomotzGateway gateway) {
        this.console = console;
        this.gateway = gateway;
    }

    @GET
    public Response editors(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                            @Context HttpHeaders headers) {
        DomotzTarget target = console.target();
        int agent = AgentIds.parse(agentId);
        Device device = gateway.getDevice(target, agent, AgentIds.parse(deviceId));
        Editors view = new Editors(gateway.getAgent(target, agent), device,
                FieldEditor.all(agent, device, gateway.listDeviceBaseTypes(target)));
        return Htmx.pageOrFragment(headers, 200, Templates.edit(view), Templates.edit$editors(view));
    }
}
