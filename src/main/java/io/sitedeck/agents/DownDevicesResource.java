package io.sitedeck.agents;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Role;
import io.sitedeck.console.DomotzActions;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceStatus;
import io.sitedeck.domotz.model.Protocol;
import io.sitedeck.shared.AgentIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * "Delete all DOWN devices" of a site (deleteDownDevices): the confirmation lists exactly the
 * devices that will go, and the deletion only runs if that list is still what Domotz would delete.
 */
@Path("/agents/{agentId}/down-devices")
@RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
public class DownDevicesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(int agentId, String site, List<Device> devices, String ids, String once);
    }

    private final DomotzActions actions;
    private final DomotzGateway gateway;

    DownDevicesResource(DomotzActions actions, DomotzGateway gateway) {
        this.actions = actions;
        this.gateway = gateway;
    }

    @GET
    public Response confirm(@PathParam("agentId") String agentText) {
        int agentId = AgentIds.parse(agentText);
        DomotzTarget target = actions.target();
        try {
            List<Device> doomed = doomed(target, agentId);
            return Response.ok(Templates.confirm(agentId, gateway.getAgent(target, agentId).displayName(), doomed,
                    ids(doomed), UUID.randomUUID().toString())).type(MediaType.TEXT_HTML).build();
        } catch (DomotzException failure) {
            return Response.status(409).type(MediaType.TEXT_PLAIN).entity("Domotz refused: " + failure.getMessage())
                    .build();
        }
    }

    /**
     * Deletes what the person confirmed, once per the confirmation's token, and only if Domotz would
     * still delete exactly that list (read fresh); otherwise nothing is deleted and the page says why.
     */
    @POST
    public Response delete(@PathParam("agentId") String agentText, @RestForm String ids, @RestForm String confirm,
                           @RestForm("once") String token) {
        int agentId = AgentIds.parse(agentText);
        if (!"yes".equals(confirm)) {
            return Response.status(409).type(MediaType.TEXT_PLAIN)
                    .entity("Confirm on the list of devices first (a repeated submit does nothing).").build();
        }
        String confirmed = ids == null ? "" : ids;
        return actions.callOnce(token, "site.delete-down", "agent " + agentId, "delete the DOWN devices " + confirmed,
                target -> {
                    gateway.refreshDevicesOf(target, agentId);
                    if (!ids(doomed(target, agentId)).equals(confirmed)) {
                        throw new DomotzActions.Refused(409, "The DOWN devices changed since you confirmed; nothing "
                                + "was deleted. Review the new list.", "the list changed");
                    }
                    gateway.deleteDownDevices(target, agentId);
                    return Response.seeOther(URI.create("/agents/" + agentId)).build();
                });
    }

    /** What Domotz deletes: DOWN devices discovered over IP (LAN and subnet), hidden ones included. */
    private List<Device> doomed(DomotzTarget target, int agentId) {
        Set<Protocol> ip = Set.of(Protocol.IP, Protocol.IP_SUBNET);
        return gateway.listDevices(target, agentId, true).stream()
                .filter(d -> d.status() == DeviceStatus.DOWN && ip.contains(d.protocol())).toList();
    }

    private static String ids(List<Device> devices) {
        return devices.stream().map(Device::id).sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
