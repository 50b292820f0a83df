package io.sitedeck.web;

import io.sitedeck.platform.ConsoleConfig;
import io.sitedeck.sandbox.EmbeddedSandbox;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Switches the two halves of the process on and off at run time: the sandbox API
 * ({@code sitedeck.sandbox.enabled}) and the console ({@code sitedeck.console.enabled}); with the
 * console off, Sitedeck is a standalone Domotz sandbox.
 */
public class ModeFilter {

    private final EmbeddedSandbox sandbox;
    private final ConsoleConfig console;

    ModeFilter(EmbeddedSandbox sandbox, ConsoleConfig console) {
        this.sandbox = sandbox;
        this.console = console;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> switchModes(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        boolean sandboxPath = EmbeddedSandbox.owns(path);
        if (sandboxPath && !sandbox.enabled()) {
            return Optional.of(Response.status(404).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("status", 404, "message", "The Domotz sandbox is switched off on this server"))
                    .build());
        }
        if (sandboxPath && !sandbox.remoteAccess() && !fromThisMachine(http)) {
            return Optional.of(Response.status(403).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("status", 403, "message", "The Domotz sandbox answers this machine only; "
                            + "its operator can open it with sitedeck.sandbox.remote-access=true")).build());
        }
        if (!sandboxPath && !console.enabled()) {
            return Optional.of(Response.status(404).type(MediaType.TEXT_PLAIN)
                    .entity("This server runs the Domotz sandbox only; its API is at /public-api/v1").build());
        }
        return Optional.empty();
    }

    /**
     * A caller on the loopback, as Quarkus resolved the address: a request a trusted local proxy
     * forwarded for someone else carries that someone's address and is not from this machine.
     */
    private static boolean fromThisMachine(HttpServerRequest http) {
        if (http.remoteAddress() == null || http.remoteAddress().hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(http.remoteAddress().hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
