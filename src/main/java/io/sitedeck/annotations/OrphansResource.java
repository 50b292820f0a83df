package io.sitedeck.annotations;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Role;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.shared.AgentIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Notes on devices Domotz no longer lists (deleted, or a site gone). They are kept: a device that
 * comes back with the same id gets its notes again. One cached device-list read per annotated site.
 */
@Path("/annotations/orphans")
public class OrphansResource {

    /** A device annotation without its device; {@code notes} is what it says. */
    public record Orphan(Annotation annotation, Notes notes, String why) {}

    /** Sites whose devices could not be read now, with the reason: their notes are not judged. */
    public record Unchecked(int agentId, String why) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance orphans(List<Orphan> orphans, List<Unchecked> unchecked);
    }

    private final Annotations annotations;
    private final ConsoleContext console;
    private final DomotzGateway gateway;

    OrphansResource(Annotations annotations, ConsoleContext console, DomotzGateway gateway) {
        this.annotations = annotations;
        this.console = console;
        this.gateway = gateway;
    }

    @GET
    public TemplateInstance orphans() {
        DomotzTarget target = console.target();
        Map<Integer, List<Annotation>> bySite = annotations.allDeviceAnnotations().stream()
                .collect(Collectors.groupingBy(a -> a.agentId, TreeMap::new, Collectors.toList()));
        List<Orphan> orphans = new ArrayList<>();
        List<Unchecked> unchecked = new ArrayList<>();
        bySite.forEach((agentId, notes) -> {
            try {
                Set<Integer> present = gateway.listDevices(target, agentId, true).stream().map(Device::id)
                        .collect(Collectors.toSet());
                notes.stream().filter(a -> !present.contains(a.deviceId))
                        .forEach(a -> orphans.add(new Orphan(a, annotations.notes(a), "not in the site's device list")));
            } catch (DomotzException.NotFound gone) {
                notes.forEach(a -> orphans.add(new Orphan(a, annotations.notes(a), "the site is gone")));
            } catch (DomotzException failure) {
                unchecked.add(new Unchecked(agentId, failure.getMessage()));
            }
        });
        return Templates.orphans(orphans, unchecked);
    }

    @POST
    @Path("{id}/delete")
    @RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
    public Response delete(@PathParam("id") String id) {
        if (!annotations.delete(AgentIds.parse(id))) {
            throw new NotFoundException("No such annotation");
        }
        return Response.seeOther(URI.create("/annotations/orphans")).build();
    }
}
