package io.sitedeck.web;

import io.sitedeck.sandbox.SandboxConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Switches the two halves of the process on and off at run time: the sandbox API
 * ({@code sitedeck.sandbox.enabled}) and the console ({@code sitedeck.console.enabled}); with the
 * console off, Sitedeck is a standalone Domotz sandbox.
 */
public class ModeFilter {

    private final SandboxConfig sandbox;
    private final ConsoleConfig console;

    ModeFilter(SandboxConfig sandbox, ConsoleConfig console) {
        this.sandbox = sandbox;
        this.console = console;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> switchModes(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean sandboxPath = path.startsWith("/" + ErrorMappers.API_PREFIX) || path.startsWith("/sandbox/");
        if (sandboxPath && !sandbox.enabled()) {
            return Optional.of(Response.status(404).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("status", 404, "message", "The Domotz sandbox is switched off on this server"))
                    .build());
        }
        if (!sandboxPath && !console.enabled()) {
            return Optional.of(Response.status(404).type(MediaType.TEXT_PLAIN)
                    .entity("This server runs the Domotz sandbox only; its API is at /public-api/v1").build());
        }
        return Optional.empty();
    }
}
