package io.sitedeck.preferences;

import io.sitedeck.shared.BadInput;
import io.sitedeck.shared.LocalPaths;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/** A member's own settings (any signed-in member: the console's permission policy), for themselves only; back to the page they were on. */
@Path("/preferences")
public class PreferencesResource {

    private final Preferences preferences;

    PreferencesResource(Preferences preferences) {
        this.preferences = preferences;
    }

    @POST
    @Path("density")
    public Response density(@RestForm String density, @RestForm String back) {
        if (!Preferences.COMPACT.equals(density) && !Preferences.COMFORTABLE.equals(density)) {
            throw new BadInput("Density is compact or comfortable.");
        }
        URI comeBack = LocalPaths.backOr(back, "/");
        preferences.setDensity(density);
        return Response.seeOther(comeBack).build();
    }

    @POST
    @Path("dismiss")
    public Response dismiss(@RestForm String notice, @RestForm String back) {
        if (notice == null || !Preferences.NOTICES.contains(notice)) {
            throw new BadInput("There is no such notice to dismiss.");
        }
        URI comeBack = LocalPaths.backOr(back, "/");
        preferences.dismiss(notice);
        return Response.seeOther(comeBack).build();
    }
}
