package io.sitedeck.annotations;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Role;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.web.Htmx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The team's notes on a site ({@code /agents/{a}/notes}) or a device
 * ({@code /agents/{a}/devices/{d}/notes}): the panel for htmx, a page of its own otherwise.
 * Everyone in the tenant reads them; TECHNICIANs and ADMINs save. A save that lost a race is a
 * 409 with both versions; a refused one a 422 with the message next to the field.
 */
@Path("/agents/{agentId}")
public class AnnotationsResource {

    /** The htmx event other panels (a devices table with tag chips) can refresh on. */
    static final String NOTES_CHANGED = "notesChanged";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(NotesPanel panel);

        static native TemplateInstance page(NotesPanel panel, String back);
    }

    private final Annotations annotations;
    private final NotesPanels panels;

    AnnotationsResource(Annotations annotations, NotesPanels panels) {
        this.annotations = annotations;
        this.panels = panels;
    }

    @GET
    @Path("notes")
    public Response siteNotes(@PathParam("agentId") String agentId, @Context HttpHeaders headers) {
        return show(AgentIds.parse(agentId), Annotation.SITE, headers);
    }

    @GET
    @Path("devices/{deviceId}/notes")
    public Response deviceNotes(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                                @Context HttpHeaders headers) {
        return show(AgentIds.parse(agentId), AgentIds.parse(deviceId), headers);
    }

    @POST
    @Path("notes")
    @RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
    public Response saveSiteNotes(@PathParam("agentId") String agentId, @RestForm String note, @RestForm String owner,
                                  @RestForm String tags, @RestForm("fieldName") List<String> fieldNames,
                                  @RestForm("fieldValue") List<String> fieldValues, @RestForm String version,
                                  @Context HttpHeaders headers) {
        return save(AgentIds.parse(agentId), Annotation.SITE, NotesForm.read(note, owner, tags, fieldNames, fieldValues),
                version, headers);
    }

    @POST
    @Path("devices/{deviceId}/notes")
    @RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
    public Response saveDeviceNotes(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                                    @RestForm String note, @RestForm String owner, @RestForm String tags,
                                    @RestForm("fieldName") List<String> fieldNames,
                                    @RestForm("fieldValue") List<String> fieldValues, @RestForm String version,
                                    @Context HttpHeaders headers) {
        return save(AgentIds.parse(agentId), AgentIds.parse(deviceId),
                NotesForm.read(note, owner, tags, fieldNames, fieldValues), version, headers);
    }

    private Response show(int agentId, int deviceId, HttpHeaders headers) {
        NotesPanel panel = panels.of(agentId, deviceId);
        return Htmx.pageOrFragment(headers, 200, Templates.page(panel, back(agentId, deviceId)), Templates.panel(panel));
    }

    private Response save(int agentId, int deviceId, NotesForm form, String versionText, HttpHeaders headers) {
        int base = version(versionText);
        if (!form.valid()) {
            return answer(422, panels.refused(agentId, deviceId, form, base), agentId, deviceId, headers);
        }
        Annotations.Outcome outcome = annotations.save(agentId, deviceId, form.notes(), base);
        if (outcome instanceof Annotations.Outcome.Conflict conflict) {
            return answer(409, panels.conflict(agentId, deviceId, form.notes(), conflict.theirs()), agentId, deviceId,
                    headers);
        }
        if (!Htmx.requested(headers)) {
            return Response.seeOther(URI.create(back(agentId, deviceId) + "#notes")).build();
        }
        return Response.ok(Templates.panel(panels.saved(agentId, deviceId))).type("text/html;charset=UTF-8")
                .header(Htmx.TRIGGER, NOTES_CHANGED).build();
    }

    private Response answer(int status, NotesPanel panel, int agentId, int deviceId, HttpHeaders headers) {
        return Htmx.pageOrFragment(headers, status, Templates.page(panel, back(agentId, deviceId)),
                Templates.panel(panel));
    }

    /** A missing or unreadable version is "I saw none"; a stored annotation then makes it a conflict. */
    private static int version(String text) {
        try {
            return text == null || text.isBlank() ? -1 : Integer.parseInt(text.trim());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    private static String back(int agentId, int deviceId) {
        return deviceId == Annotation.SITE ? "/agents/" + agentId : "/agents/" + agentId + "/devices/" + deviceId;
    }
}
