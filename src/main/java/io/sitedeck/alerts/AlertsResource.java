package io.sitedeck.alerts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Connections;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.AlertProfile;
import io.sitedeck.web.ConsoleContext;
import io.sitedeck.web.UpstreamProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The alert profiles of the connection's Domotz user (GET /user, then its profiles): 2 calls cold. */
@Path("/alerts")
public class AlertsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(List<AlertProfile> profiles, UpstreamProblem problem);
    }

    private final ConsoleContext console;
    private final Connections connections;
    private final DomotzGateway gateway;

    AlertsResource(ConsoleContext console, Connections connections, DomotzGateway gateway) {
        this.console = console;
        this.connections = connections;
        this.gateway = gateway;
    }

    @GET
    public Response alerts() {
        DomotzConnection connection = console.requiredConnection();
        DomotzTarget target = connections.target(connection);
        try {
            List<AlertProfile> profiles = gateway.getAlertProfiles(target, gateway.getUser(target).id());
            return Response.ok(Templates.alerts(profiles, null)).build();
        } catch (DomotzException failure) {
            UpstreamProblem problem = UpstreamProblem.of(failure, connection.name);
            return Response.status(problem.pageStatus()).entity(Templates.alerts(List.of(), problem)).build();
        }
    }
}
