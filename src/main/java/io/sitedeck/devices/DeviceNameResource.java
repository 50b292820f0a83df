package io.sitedeck.devices;

import io.sitedeck.account.Connections;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.model.EditableField;
import io.sitedeck.web.ConsoleContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The first Domotz action of the console: renaming a device ({@code user_data/name}). Like every
 * Domotz mutation it needs TECHNICIAN or ADMIN, uses the member's own connection, and is audited
 * with the upstream result. The device page (a later issue) puts a form in front of it.
 */
@Path("/agents/{agentId}/devices/{deviceId}/name")
public class DeviceNameResource {

    private final CurrentUser user;
    private final ConsoleContext console;
    private final Connections connections;
    private final DomotzGateway gateway;
    private final AuditLog audit;

    DeviceNameResource(CurrentUser user, ConsoleContext console, Connections connections, DomotzGateway gateway,
                       AuditLog audit) {
        this.user = user;
        this.console = console;
        this.connections = connections;
        this.gateway = gateway;
        this.audit = audit;
    }

    @POST
    @RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
    public Response rename(@PathParam("agentId") int agentId, @PathParam("deviceId") int deviceId,
                           @RestForm String name) {
        String clean = name == null ? "" : name.trim();
        if (clean.length() > 255) {
            throw new BadRequestException("A device name has at most 255 characters");
        }
        var connection = console.current().orElseThrow(() -> new BadRequestException("Add a Domotz connection first"));
        String target = "agent " + agentId + " device " + deviceId + " via " + connection.name;
        try {
            gateway.editDevice(connections.target(connection), agentId, deviceId, EditableField.USER_DATA_NAME, clean);
            record(target, "ok: name set to \"" + clean + "\"");
            return Response.noContent().header("HX-Trigger", "deviceChanged").build();
        } catch (DomotzException failure) {
            record(target, "failed: " + failure.explanation());
            return Response.status(failure.status() == 0 ? 502 : failure.status()).type(MediaType.TEXT_PLAIN)
                    .entity(failure.explanation()).build();
        }
    }

    private void record(String target, String outcome) {
        audit.record(user.tenantId(), user.email(), "device.rename", target, outcome);
    }
}
