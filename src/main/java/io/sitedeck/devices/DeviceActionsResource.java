package io.sitedeck.devices;

import io.sitedeck.account.Role;
import io.sitedeck.agents.AgentIds;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.EditableField;
import io.sitedeck.domotz.model.PowerAction;
import io.sitedeck.web.DomotzActions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Domotz actions on one device: edit a field, power on/off/cycle/reboot, hide, delete. Each needs
 * TECHNICIAN or ADMIN and the CSRF token, is audited with the upstream result, and answers htmx
 * with {@code HX-Trigger: deviceChanged}. Disruptive ones need {@code confirm=yes} and a one-time
 * token, so a double submit does nothing the second time.
 */
@Path("/agents/{agentId}/devices/{deviceId}")
@RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
public class DeviceActionsResource {

    /** The console's names for the seven editable fields. */
    static final Map<String, EditableField> FIELDS = Map.of("name", EditableField.USER_DATA_NAME,
            "vendor", EditableField.USER_DATA_VENDOR, "model", EditableField.USER_DATA_MODEL,
            "type", EditableField.USER_DATA_TYPE, "importance", EditableField.IMPORTANCE,
            "zone", EditableField.DETAILS_ZONE, "room", EditableField.DETAILS_ROOM);
    private static final Set<String> IMPORTANCE = Set.of("VITAL", "FLOATING");

    private final DomotzGateway gateway;
    private final DomotzActions actions;

    DeviceActionsResource(DomotzGateway gateway, DomotzActions actions) {
        this.gateway = gateway;
        this.actions = actions;
    }

    @POST
    @Path("fields/{field}")
    public Response edit(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                         @PathParam("field") String field, @RestForm String value, @Context HttpHeaders headers) {
        EditableField editable = FIELDS.get(field);
        if (editable == null) {
            throw new NotFoundException("No such field: " + field);
        }
        String clean = value == null ? "" : value.trim();
        String problem = problemWith(editable, clean);
        if (problem != null) {
            return refused(400, problem);
        }
        String upper = editable == EditableField.IMPORTANCE ? clean.toUpperCase(Locale.ROOT) : clean;
        return act(agentId, deviceId, "device.edit", field + " = \"" + upper + "\"", headers, false, null,
                (target, a, d) -> gateway.editDevice(target, a, d, editable, upper));
    }

    @POST
    @Path("power/{action}")
    public Response power(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                          @PathParam("action") String action, @RestForm String confirm, @RestForm String once,
                          @Context HttpHeaders headers) {
        PowerAction power = Arrays.stream(PowerAction.values()).filter(p -> p.path().equals(action)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such power action: " + action));
        if (power.disruptive() && !"yes".equals(confirm)) {
            return refused(400, "Confirm the power action: it takes the device down.");
        }
        return act(agentId, deviceId, "device.power", "power " + power.path(), headers, true, once,
                (target, a, d) -> gateway.powerActionOnDevice(target, a, d, power));
    }

    @POST
    @Path("hide")
    public Response hide(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                         @RestForm String confirm, @RestForm String once, @Context HttpHeaders headers) {
        if (!"yes".equals(confirm)) {
            return refused(400, "Confirm hiding the device.");
        }
        return act(agentId, deviceId, "device.hide", "hide", headers, true, once, gateway::hideDevice);
    }

    @POST
    @Path("delete")
    public Response delete(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                           @RestForm String confirm, @RestForm String once, @Context HttpHeaders headers) {
        if (!"yes".equals(confirm)) {
            return refused(400, "Confirm deleting the device.");
        }
        Response done = act(agentId, deviceId, "device.delete", "delete", headers, true, once, gateway::deleteDevice);
        // The device page is gone: send the browser to the site.
        return done.getStatus() == 303 ? Response.seeOther(URI.create("/agents/" + AgentIds.parse(agentId))).build()
                : done;
    }

    @FunctionalInterface
    interface Action {
        void run(DomotzTarget target, int agentId, int deviceId);
    }

    private Response act(String agentText, String deviceText, String auditAction, String what, HttpHeaders headers,
                         boolean oneTime, String onceToken, Action action) {
        int agentId = AgentIds.parse(agentText);
        int deviceId = AgentIds.parse(deviceText);
        return actions.run(auditAction, "agent " + agentId + " device " + deviceId, what,
                oneTime ? (onceToken == null ? "" : onceToken) : null,
                target -> action.run(target, agentId, deviceId),
                () -> headers.getHeaderString("HX-Request") != null
                        ? Response.noContent().header("HX-Trigger", "deviceChanged").header("HX-Refresh", "true").build()
                        : Response.seeOther(URI.create("/agents/" + agentId + "/devices/" + deviceId)).build());
    }

    private static String problemWith(EditableField field, String value) {
        if (value.length() > 255) {
            return "At most 255 characters.";
        }
        if (field == EditableField.IMPORTANCE && !IMPORTANCE.contains(value.toUpperCase(Locale.ROOT))) {
            return "Importance is VITAL or FLOATING.";
        }
        if (field == EditableField.USER_DATA_TYPE && !value.matches("\\d{1,9}")) {
            return "Choose a type from the catalogue.";
        }
        return null;
    }

    private static Response refused(int status, String message) {
        return DomotzActions.refused(status, message);
    }
}
