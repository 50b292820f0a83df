package io.sitedeck.devices;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Role;
import io.sitedeck.console.DomotzActions;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.EditableField;
import io.sitedeck.domotz.model.PowerAction;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.web.Htmx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Domotz actions on one device: edit a field, power on/off/cycle/reboot, hide, delete. Each needs
 * TECHNICIAN or ADMIN and the CSRF token, is audited with the upstream result, and answers htmx
 * in place (the field's form, or a status line) with {@code HX-Trigger: deviceChanged}; a plain
 * form post goes back to the device page. Disruptive ones need {@code confirm=yes} and a one-time
 * token, so a double submit does nothing the second time.
 */
@Path("/agents/{agentId}/devices/{deviceId}")
@RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
public class DeviceActionsResource {

    @Inject
    Clock clock;

    /** The console's names for the seven editable fields. */
    static final Map<String, EditableField> FIELDS = Map.of("name", EditableField.USER_DATA_NAME,
            "vendor", EditableField.USER_DATA_VENDOR, "model", EditableField.USER_DATA_MODEL,
            "type", EditableField.USER_DATA_TYPE, "importance", EditableField.IMPORTANCE,
            "zone", EditableField.DETAILS_ZONE, "room", EditableField.DETAILS_ROOM);
    private static final Set<String> IMPORTANCE = Set.of("VITAL", "FLOATING");
    /** The htmx event the device page's panels (summary, power) refresh themselves on. */
    static final String DEVICE_CHANGED = "deviceChanged";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance field(FieldEditor field);
    }

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
        String sent = editable == EditableField.IMPORTANCE ? clean.toUpperCase(Locale.ROOT) : clean;
        if (Htmx.requested(headers)) {
            return editInPlace(AgentIds.parse(agentId), AgentIds.parse(deviceId), field, editable, sent, problem);
        }
        if (problem != null) {
            return refused(400, problem);
        }
        int agent = AgentIds.parse(agentId);
        int device = AgentIds.parse(deviceId);
        return actions.run("device.edit", "agent " + agent + " device " + device, field + " = \"" + sent + "\"",
                target -> gateway.editDevice(target, agent, device, editable, sent),
                () -> afterwards(headers, agent, device, "Saved."));
    }

    /**
     * The htmx edit: answers with the field's form again — the saved value marked "Saved", or the
     * error next to the field (422). A value we refuse stays in the input to be corrected; a value
     * Domotz refuses gives way to the value Domotz still has, so the page never shows a value that
     * is not there.
     */
    private Response editInPlace(int agentId, int deviceId, String field, EditableField editable, String sent,
                                 String problem) {
        var target = actions.target();
        FieldEditor before;
        try {
            before = FieldEditor.of(field, agentId, gateway.getDevice(target, agentId, deviceId),
                    gateway.listDeviceBaseTypes(target));
        } catch (DomotzException failure) {
            return refused(502, "Domotz did not answer, nothing was saved: " + failure.getMessage());
        }
        if (problem != null) {
            return field(422, before.refused(sent, problem)).build();
        }
        Response done = actions.run("device.edit", "agent " + agentId + " device " + deviceId,
                field + " = \"" + sent + "\"", t -> gateway.editDevice(t, agentId, deviceId, editable, sent),
                () -> field(200, before.savedAs(sent)).header(Htmx.TRIGGER, DEVICE_CHANGED).build());
        if (done.getStatus() >= 400) {
            return field(422, before.refused(before.value(), "Not saved (“" + sent + "”): " + done.getEntity()))
                    .build();
        }
        return done;
    }

    private static Response.ResponseBuilder field(int status, FieldEditor editor) {
        return Response.status(status).entity(Templates.field(editor)).type(MediaType.TEXT_HTML);
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
        return act(agentId, deviceId, "device.power", "power " + power.path(), headers, once,
                (target, a, d) -> gateway.powerActionOnDevice(target, a, d, power),
                power.label() + ": Domotz accepted it at " + now() + ". The status above is what Domotz reports now.");
    }

    @POST
    @Path("hide")
    public Response hide(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                         @RestForm String confirm, @RestForm String once, @Context HttpHeaders headers) {
        if (!"yes".equals(confirm)) {
            return refused(400, "Confirm hiding the device.");
        }
        return act(agentId, deviceId, "device.hide", "hide", headers, once, gateway::hideDevice,
                "Hidden at " + now() + ": it leaves the site's device list until Domotz sees it again.");
    }

    @POST
    @Path("delete")
    public Response delete(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                           @RestForm String confirm, @RestForm String once, @Context HttpHeaders headers) {
        if (!"yes".equals(confirm)) {
            return refused(400, "Confirm deleting the device.");
        }
        int agent = AgentIds.parse(agentId);
        int device = AgentIds.parse(deviceId);
        // The device page is gone: send the browser to the site.
        URI site = URI.create("/agents/" + agent);
        return actions.runOnce(once, "device.delete", "agent " + agent + " device " + device, "delete",
                t -> gateway.deleteDevice(t, agent, device),
                () -> Htmx.requested(headers) ? Response.noContent().header(Htmx.REDIRECT, site.toString()).build()
                        : Response.seeOther(site).build());
    }

    @FunctionalInterface
    interface Action {
        void run(DomotzTarget target, int agentId, int deviceId);
    }

    /** A disruptive action of the device page: once per the form's one-time token. */
    private Response act(String agentText, String deviceText, String auditAction, String what, HttpHeaders headers,
                         String onceToken, Action action, String outcome) {
        int agentId = AgentIds.parse(agentText);
        int deviceId = AgentIds.parse(deviceText);
        return actions.runOnce(onceToken, auditAction, "agent " + agentId + " device " + deviceId, what,
                target -> action.run(target, agentId, deviceId), () -> afterwards(headers, agentId, deviceId, outcome));
    }

    /** htmx gets the outcome line and the event the panels listen for; a plain form goes back to the device page. */
    private static Response afterwards(HttpHeaders headers, int agentId, int deviceId, String outcome) {
        return Htmx.requested(headers) ? DomotzActions.done(outcome, DEVICE_CHANGED)
                : Response.seeOther(URI.create("/agents/" + agentId + "/devices/" + deviceId)).build();
    }

    private String now() {
        return CLOCK.format(clock.instant()) + " UTC";
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
