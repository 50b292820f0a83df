package io.sitedeck.annotations;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.console.DomotzActions;
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

/** Saved views: save the page you are on under a name, open it from the Views menu, share it or not. */
@Path("/views")
public class ViewsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance views(List<SavedView> views, Views rules);

        static native TemplateInstance saved(SavedView view);

        static native TemplateInstance menu(List<SavedView> views);
    }

    private final Views views;

    ViewsResource(Views views) {
        this.views = views;
    }

    @GET
    public TemplateInstance page() {
        return Templates.views(views.visible(), views);
    }

    /** The layout's Views menu, loaded when it is opened (and again when a view is saved). */
    @GET
    @Path("menu")
    public TemplateInstance menu() {
        return Templates.menu(views.visible());
    }

    @POST
    public Response save(@RestForm String name, @RestForm String url, @RestForm boolean shared,
                         @Context HttpHeaders headers) {
        String clean = name == null ? "" : name.strip();
        String target = Views.consoleUrl(url);
        if (clean.isEmpty() || clean.length() > 80) {
            return DomotzActions.refused(400, "Give the view a name of 1 to 80 characters.");
        }
        if (target == null) {
            return DomotzActions.refused(400, "A view is a page of this console (a path starting with /).");
        }
        SavedView view = views.save(clean, target, shared);
        if (Htmx.requested(headers)) {
            return Response.ok(Templates.saved(view)).type("text/html;charset=UTF-8")
                    .header(Htmx.TRIGGER, "viewsChanged").build();
        }
        return Response.seeOther(URI.create(target)).build();
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") String id) {
        if (!views.delete(AgentIds.parse(id))) {
            throw new NotFoundException("No such view");
        }
        return Response.seeOther(URI.create("/views")).build();
    }
}
