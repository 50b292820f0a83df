package io.sitedeck.devices;

import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.model.Snapshot;
import io.sitedeck.shared.AgentIds;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A camera's snapshot, fetched with the member's key and passed through: the browser never sees
 * the key, and nothing is cached (each view is a new picture, and one API call).
 */
@Path("/agents/{agentId}/devices/{deviceId}/snapshot")
public class SnapshotResource {

    private final ConsoleContext console;
    private final DomotzGateway gateway;

    SnapshotResource(ConsoleContext console, DomotzGateway gateway) {
        this.console = console;
        this.gateway = gateway;
    }

    @GET
    public Response snapshot(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId) {
        try {
            Snapshot snapshot = gateway.onvifSnapshot(console.target(), AgentIds.parse(agentId),
                    AgentIds.parse(deviceId));
            String type = snapshot.contentType().startsWith("image/") ? snapshot.contentType() : "image/jpeg";
            return Response.ok(snapshot.bytes(), type).header("Cache-Control", "no-store")
                    .header("X-Snapshot-Taken", snapshot.takenAt().toString()).build();
        } catch (DomotzException failure) {
            return Response.status(failure.status() == 404 ? 404 : 409).type(MediaType.TEXT_PLAIN)
                    .entity("No snapshot: " + failure.getMessage()).build();
        }
    }
}
