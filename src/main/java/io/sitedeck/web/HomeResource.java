package io.sitedeck.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Connections;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sites (agents) of the connection in use, optionally of one Domotz team; the team is in the
 * URL ({@code /?team=North%20Region}) so the view is a bookmark. The full console views build on
 * this page in a later issue.
 */
@Path("/")
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(HomeView view);
    }

    /** What the page shows; {@code problem} explains an upstream failure instead of the list. */
    public record HomeView(boolean connected, List<Agent> agents, int total, List<String> teams, String team,
                           String problem) {}

    private final DomotzGateway gateway;
    private final ConsoleContext console;
    private final Connections connections;

    HomeResource(DomotzGateway gateway, ConsoleContext console, Connections connections) {
        this.gateway = gateway;
        this.console = console;
        this.connections = connections;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home(@QueryParam("team") String team) {
        Optional<DomotzConnection> connection = console.current();
        String chosenTeam = team == null || team.isBlank() ? null : team.trim();
        if (connection.isEmpty()) {
            return Templates.home(new HomeView(false, List.of(), 0, List.of(), chosenTeam, null));
        }
        DomotzTarget target = connections.target(connection.get());
        try {
            List<String> teams = gateway.listAgents(target, AgentQuery.ALL).stream().map(Agent::teamName)
                    .filter(Objects::nonNull).distinct().sorted().toList();
            List<Agent> agents = gateway.listAgents(target, new AgentQuery(null, null, null, chosenTeam));
            return Templates.home(new HomeView(true, agents, gateway.countAgents(target, null, chosenTeam), teams,
                    chosenTeam, null));
        } catch (DomotzException failure) {
            return Templates.home(new HomeView(true, List.of(), 0, List.of(), chosenTeam, failure.explanation()));
        }
    }
}
