package io.sitedeck.agents;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Connections;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.console.OnceOnly;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceStatus;
import io.sitedeck.domotz.model.Protocol;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.console.ConsoleContext;
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

    private final CurrentUser user;
    private final ConsoleContext console;
    private final Connections connections;
    private final DomotzGateway gateway;
    private final AuditLog audit;
    private final OnceOnly once;

    DownDevicesResource(CurrentUser user, ConsoleContext console, Connections connections, DomotzGateway gateway,
                        AuditLog audit, OnceOnly once) {
        this.user = user;
        this.console = console;
        this.connections = connections;
        this.gateway = gateway;
        this.audit = audit;
        this.once = once;
    }

    @GET
    public Response confirm(@PathParam("agentId") String agentText) {
        int agentId = AgentIds.parse(agentText);
        DomotzTarget target = connections.target(console.requiredConnection());
        try {
            List<Device> doomed = doomed(target, agentId);
            return Response.ok(Templates.confirm(agentId, gateway.getAgent(target, agentId).displayName(), doomed,
                    ids(doomed), UUID.randomUUID().toString())).type(MediaType.TEXT_HTML).build();
        } catch (DomotzException failure) {
            return Response.status(409).type(MediaType.TEXT_PLAIN).entity("Domotz refused: " + failure.getMessage())
                    .build();
        }
    }

    @POST
    public Response delete(@PathParam("agentId") String agentText, @RestForm String ids, @RestForm String confirm,
                           @RestForm("once") String token) {
        int agentId = AgentIds.parse(agentText);
        DomotzConnection connection = console.requiredConnection();
        DomotzTarget target = connections.target(connection);
        String where = "agent " + agentId + " via " + connection.name;
        if (!"yes".equals(confirm) || !once.first(user.id(), token)) {
            return Response.status(409).type(MediaType.TEXT_PLAIN)
                    .entity("Confirm on the list of devices first (a repeated submit does nothing).").build();
        }
        try {
            gateway.refreshDevicesOf(target, agentId);
            List<Device> doomed = doomed(target, agentId);
            if (!ids(doomed).equals(ids == null ? "" : ids)) {
                audit.record(user.tenantId(), user.email(), "site.delete-down", where, "refused: the list changed");
                return Response.status(409).type(MediaType.TEXT_PLAIN).entity(
                        "The DOWN devices changed since you confirmed; nothing was deleted. Review the new list.").build();
            }
            gateway.deleteDownDevices(target, agentId);
            audit.record(user.tenantId(), user.email(), "site.delete-down", where, "ok: deleted " + doomed.size()
                    + " devices: " + doomed.stream().map(Device::name).collect(Collectors.joining(", ")));
            return Response.seeOther(URI.create("/agents/" + agentId)).header("HX-Trigger", "devicesChanged").build();
        } catch (DomotzException failure) {
            audit.record(user.tenantId(), user.email(), "site.delete-down", where, "failed: " + failure.explanation());
            return Response.status(409).type(MediaType.TEXT_PLAIN).entity("Domotz refused: " + failure.getMessage())
                    .build();
        }
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
