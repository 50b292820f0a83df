package io.sitedeck.sandbox;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/** Where the link of a sandbox http/https connection leads: a page saying what a real cell would proxy. */
@Path("/sandbox/connection/{id}")
public class SandboxConnectionPage {

    @Inject
    Clock clock;

    private final SandboxWorld world;

    SandboxConnectionPage(SandboxWorld world) {
        this.world = world;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.TEXT_PLAIN)
    public Response show(@PathParam("id") String id) {
        return world.connection(SandboxInput.id(id, "id"))
                .filter(c -> c.expiration().isAfter(clock.instant()))
                .map(c -> Response.ok("Domotz sandbox remote connection " + c.id() + "\n\n"
                        + "A real Domotz cell would now proxy " + c.protocol() + " port " + c.port() + " of device "
                        + c.deviceId() + " (agent " + c.agentId() + ") to your browser.\n"
                        + "Allowed from: " + c.allowedIp() + "\nExpires: " + c.expiration() + "\n").build())
                .orElse(Response.status(404).type(MediaType.TEXT_PLAIN)
                        .entity("This sandbox connection does not exist or has expired.\n").build());
    }
}
