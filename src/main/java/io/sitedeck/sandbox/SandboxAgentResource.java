package io.sitedeck.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Sandbox: listAgents, countAgents, getAgent, getAgentStatusHistory, getSpeedTestHistory. */
@Path(SandboxGate.BASE_PATH)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxAgentResource {

    /** Real cells never return more than this many agents in one page. */
    static final int MAX_PAGE_SIZE = 100;

    private final SandboxGate gate;
    private final SandboxWorld world;
    private final SandboxHistories histories;

    SandboxAgentResource(SandboxGate gate, SandboxWorld world, SandboxHistories histories) {
        this.gate = gate;
        this.world = world;
        this.histories = histories;
    }

    @GET
    @Path("/agent")
    public Uni<Response> listAgents(@QueryParam("page_size") String pageSize, @QueryParam("page_number") String pageNumber,
                                    @QueryParam("display_name") String displayName, @QueryParam("team_name") String teamName) {
        return gate.serve(key -> {
            Integer size = SandboxInput.optionalInt(pageSize, "page_size");
            Integer number = SandboxInput.optionalInt(pageNumber, "page_number");
            if (size != null && size < 1) {
                throw SandboxError.badRequest("page_size must be at least 1");
            }
            if (number != null && number < 0) {
                throw SandboxError.badRequest("page_number must not be negative (pages are 0-indexed)");
            }
            int limit = Math.min(size == null ? MAX_PAGE_SIZE : size, MAX_PAGE_SIZE);
            long skip = (long) (number == null ? 0 : number) * limit;
            ArrayNode agents = SandboxJson.array();
            matching(key, displayName, teamName).skip(skip).limit(limit).map(SandboxJson::agentBase).forEach(agents::add);
            return Response.ok(agents).build();
        });
    }

    @HEAD
    @Path("/agent")
    public Uni<Response> countAgents(@QueryParam("display_name") String displayName,
                                     @QueryParam("team_name") String teamName) {
        return gate.serve(key -> Response.noContent()
                .header("X-Entities-Count", matching(key, displayName, teamName).count()).build());
    }

    @GET
    @Path("/agent/{agent_id}")
    public Uni<Response> getAgent(@PathParam("agent_id") String agentId) {
        return gate.serve(key -> Response.ok(SandboxJson.agentDetail(world.readableAgent(key, agentId))).build());
    }

    @GET
    @Path("/agent/{agent_id}/history/network/event")
    public Uni<Response> getAgentStatusHistory(@PathParam("agent_id") String agentId, @QueryParam("from") String from,
                                               @QueryParam("to") String to) {
        return gate.serve(key -> {
            SandboxAgent agent = world.readableAgent(key, agentId);
            SandboxInput.Window window = histories.window(from, to);
            ArrayNode events = SandboxJson.array();
            histories.agentStatus(agent, window.from(), window.to()).forEach(e -> events.add(SandboxJson.agentEvent(e)));
            return Response.ok(events).build();
        });
    }

    @GET
    @Path("/agent/{agent_id}/history/network/speed")
    public Uni<Response> getSpeedTestHistory(@PathParam("agent_id") String agentId, @QueryParam("from") String from,
                                             @QueryParam("to") String to) {
        return gate.serve(key -> {
            SandboxAgent agent = world.readableAgent(key, agentId);
            SandboxInput.Window window = histories.window(from, to);
            ArrayNode samples = SandboxJson.array();
            histories.speed(agent, window.from(), window.to()).forEach(p -> samples.add(SandboxJson.speedSample(p)));
            return Response.ok(samples).build();
        });
    }

    /** Agents whose display and team names contain the filters, ignoring case. */
    private Stream<SandboxAgent> matching(SandboxKey key, String displayName, String teamName) {
        List<SandboxAgent> agents = world.agents(key);
        return agents.stream()
                .filter(a -> contains(a.displayName, displayName))
                .filter(a -> contains(a.teamName, teamName));
    }

    private static boolean contains(String value, String filter) {
        return filter == null || filter.isEmpty()
                || value.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
    }
}
