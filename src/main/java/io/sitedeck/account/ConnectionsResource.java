package io.sitedeck.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.shared.LocalPaths;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The signed-in user's own Domotz connections: add (checked with Domotz first), rename, replace
 * the key, test, make default, delete, and switch the one in use. Keys are write-only here.
 */
@Path("/connections")
@Produces(MediaType.TEXT_HTML)
public class ConnectionsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance connections(List<DomotzConnection> connections, List<Cell> cells,
                                                   AddForm form, Map<String, String> problems, String notice);
    }

    /** What was typed into the add form, to show again after a refusal; the key is never sent back. */
    public record AddForm(String name, String cell, String customUrl) {}

    private final CurrentUser user;
    private final Connections connections;

    ConnectionsResource(CurrentUser user, Connections connections) {
        this.user = user;
        this.connections = connections;
    }

    @GET
    public TemplateInstance list() {
        return page(new AddForm("", Cell.EU.name(), ""), Map.of(), null);
    }

    @POST
    public Object add(@RestForm String name, @RestForm String cell, @RestForm String customUrl, @RestForm String apiKey) {
        AddForm form = new AddForm(name, cell, customUrl);
        try {
            DomotzConnection added = connections.add(user, name, cell, customUrl, apiKey);
            return page(new AddForm("", Cell.EU.name(), ""), Map.of(),
                    "Connected “" + added.name + "” as Domotz user " + added.domotzUser + ".");
        } catch (Connections.Invalid invalid) {
            return Response.status(400).entity(page(form, invalid.problems, null)).build();
        }
    }

    @POST
    @Path("{id}/name")
    public Object rename(@PathParam("id") long id, @RestForm String name) {
        try {
            connections.rename(user, mine(id), name);
            return Response.seeOther(URI.create("/connections")).build();
        } catch (Connections.Invalid invalid) {
            return Response.status(400).entity(page(blank(), invalid.problems, null)).build();
        }
    }

    @POST
    @Path("{id}/key")
    public Object replaceKey(@PathParam("id") long id, @RestForm String apiKey) {
        DomotzConnection connection = mine(id);
        try {
            connections.replaceKey(user, connection, apiKey);
            return page(blank(), Map.of(), "Replaced the key of “" + connection.name + "”.");
        } catch (Connections.Invalid invalid) {
            return Response.status(400).entity(page(blank(), invalid.problems, null)).build();
        }
    }

    @POST
    @Path("{id}/test")
    public TemplateInstance test(@PathParam("id") long id) {
        DomotzConnection connection = mine(id);
        return page(blank(), Map.of(), "“" + connection.name + "”: " + connections.test(user, connection));
    }

    @POST
    @Path("{id}/default")
    public Response makeDefault(@PathParam("id") long id) {
        connections.makeDefault(user, mine(id));
        return Response.seeOther(URI.create("/connections")).build();
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") long id) {
        connections.delete(user, mine(id));
        return Response.seeOther(URI.create("/connections")).build();
    }

    /** Switches the connection every page shows, then returns to where the switch was used. */
    @POST
    @Path("use")
    public Response use(@RestForm long id, @RestForm String back) {
        DomotzConnection connection = mine(id);
        return Response.seeOther(LocalPaths.backOr(back, "/"))
                .cookie(new NewCookie.Builder(DomotzConnection.IN_USE_COOKIE).value(String.valueOf(connection.id))
                        .path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX).build())
                .build();
    }

    private DomotzConnection mine(long id) {
        return DomotzConnection.of(user, id).orElseThrow(NotFoundException::new);
    }

    private static AddForm blank() {
        return new AddForm("", Cell.EU.name(), "");
    }

    private TemplateInstance page(AddForm form, Map<String, String> problems, String notice) {
        return Templates.connections(DomotzConnection.of(user), connections.cellsFor(user), form, problems, notice);
    }
}
