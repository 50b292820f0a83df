package io.sitedeck.alerts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.console.UpstreamProblem;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.AlertProfile;
import io.sitedeck.platform.ConsoleConfig;
import io.sitedeck.web.Htmx;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The alert profiles of the connection's Domotz user (GET /user, then its profiles: 2 calls cold)
 * and, loaded after the page, where each is bound with bind/unbind.
 */
@Path("/alerts")
public class AlertsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(List<AlertProfile> profiles, UpstreamProblem problem);

        static native TemplateInstance overview(AlertsOverview overview);

        static native TemplateInstance overviewPage(AlertsOverview overview);
    }

    private final ConsoleContext console;
    private final Bindings bindings;
    private final ConsoleConfig config;

    AlertsResource(ConsoleContext console, Bindings bindings, ConsoleConfig config) {
        this.console = console;
        this.bindings = bindings;
        this.config = config;
    }

    @GET
    public Response alerts() {
        DomotzConnection connection = console.requiredConnection();
        DomotzTarget target = console.target();
        try {
            List<AlertProfile> profiles = bindings.profiles(target);
            return Response.ok(Templates.alerts(profiles, null)).build();
        } catch (DomotzException failure) {
            UpstreamProblem problem = UpstreamProblem.of(failure, connection.name);
            return Response.status(problem.pageStatus()).entity(Templates.alerts(List.of(), problem)).build();
        }
    }

    /**
     * Where each profile is bound: loaded by the page after it shows (and again after any bind or
     * unbind), or as a page of its own without JavaScript. 2–3 calls per site when cold.
     */
    @GET
    @Path("overview")
    public Response overview(@Context HttpHeaders headers) {
        AlertsOverview overview = bindings.overview(console.target(), config.alertOverviewSites());
        return Htmx.pageOrFragment(headers, 200, Templates.overviewPage(overview), Templates.overview(overview));
    }
}
