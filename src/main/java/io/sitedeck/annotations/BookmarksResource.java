package io.sitedeck.annotations;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.web.Htmx;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** Each person's bookmarks: the star on site and device pages, and the Bookmarks page with live status. */
@Path("/bookmarks")
public class BookmarksResource {

    static final int PAGE_LIMIT = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bookmarks(List<Bookmarks.Line> lines);

        static native TemplateInstance star(Bookmarks.Star star);
    }

    private final Bookmarks bookmarks;

    BookmarksResource(Bookmarks bookmarks) {
        this.bookmarks = bookmarks;
    }

    @GET
    public TemplateInstance page() {
        return Templates.bookmarks(bookmarks.lines(PAGE_LIMIT));
    }

    /** Stars or unstars a site (no device id) or a device; htmx gets the star back, a form post the page. */
    @POST
    public Response toggle(@RestForm String agentId, @RestForm String deviceId, @RestForm String label,
                           @Context HttpHeaders headers) {
        int agent = AgentIds.parse(agentId == null ? "" : agentId);
        int device = deviceId == null || deviceId.isBlank() || "0".equals(deviceId.trim()) ? Annotation.SITE
                : AgentIds.parse(deviceId);
        String name = label == null || label.isBlank() ? (device == Annotation.SITE ? "Site " + agent : "Device " + device)
                : label.strip();
        Bookmarks.Star star = bookmarks.toggle(agent, device, name.length() > 300 ? name.substring(0, 300) : name);
        if (Htmx.requested(headers)) {
            return Response.ok(Templates.star(star)).type("text/html;charset=UTF-8").build();
        }
        String back = device == Annotation.SITE ? "/agents/" + agent : "/agents/" + agent + "/devices/" + device;
        return Response.seeOther(URI.create(back)).build();
    }

    @POST
    @Path("{id}/delete")
    public Response remove(@PathParam("id") String id) {
        if (!bookmarks.remove(AgentIds.parse(id))) {
            throw new NotFoundException("No such bookmark");
        }
        return Response.seeOther(URI.create("/bookmarks")).build();
    }
}
