package io.sitedeck.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentQuery;
import io.sitedeck.sandbox.EmbeddedSandbox;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * The first page: the sites of the embedded sandbox connection. Sign-in, per-user connections and
 * the full console views build on this page in later issues.
 */
@Path("/")
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(HomeView view);
    }

    /** What the page shows; {@code problem} explains an upstream failure instead of the list. */
    public record HomeView(String connection, String maskedKey, List<Agent> agents, int total, String problem) {}

    private final DomotzGateway gateway;
    private final EmbeddedSandbox sandbox;
    private final CurrentVertxRequest request;

    HomeResource(DomotzGateway gateway, EmbeddedSandbox sandbox, CurrentVertxRequest request) {
        this.gateway = gateway;
        this.sandbox = sandbox;
        this.request = request;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        Optional<DomotzTarget> target = sandbox.target(request.getCurrent().request().localAddress().port());
        if (target.isEmpty()) {
            return Templates.home(new HomeView(null, null, List.of(), 0,
                    "No Domotz connection yet: the embedded sandbox is switched off."));
        }
        DomotzTarget t = target.get();
        try {
            List<Agent> agents = gateway.listAgents(t, AgentQuery.ALL);
            return Templates.home(new HomeView("Embedded sandbox", t.maskedKey(), agents,
                    gateway.countAgents(t, null, null), null));
        } catch (DomotzException failure) {
            return Templates.home(new HomeView("Embedded sandbox", t.maskedKey(), List.of(), 0, failure.explanation()));
        }
    }
}
