package io.sitedeck.availability;

import io.sitedeck.account.Role;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceStatus;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.shared.BadInput;
import io.sitedeck.web.TimeRange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * "Acknowledge": a technician says they are on a DOWN device (issue #18), with a short note, until it recovers or
 * until a time (the site's local time). Upstream calls: getAgent and getDevice, cached like the device page's.
 */
@Path("/agents/{agentId}/devices/{deviceId}/acknowledge")
public class AcknowledgeResource {

    @Inject
    Clock clock;

    private final DomotzGateway gateway;
    private final ConsoleContext console;
    private final Acknowledgements acknowledgements;

    AcknowledgeResource(DomotzGateway gateway, ConsoleContext console, Acknowledgements acknowledgements) {
        this.gateway = gateway;
        this.console = console;
        this.acknowledgements = acknowledgements;
    }

    @POST
    @RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
    public Response acknowledge(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                                @RestForm String note, @RestForm String until) {
        int agent = AgentIds.parse(agentId);
        int device = AgentIds.parse(deviceId);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 200) {
            throw new BadInput("Say in a few words (200 characters at most) what is being done.");
        }
        DomotzTarget target = console.target();
        Instant untilAt = until(until, TimeRange.zoneOf(gateway.getAgent(target, agent).timezone()));
        Device shown = gateway.getDevice(target, agent, device);
        if (shown.status() != DeviceStatus.DOWN) {
            throw new ClientErrorException(Response.status(409).entity("Only a DOWN device can be acknowledged; this one is "
                    + shown.status() + ".").type("text/plain;charset=UTF-8").build());
        }
        acknowledgements.acknowledge(agent, device, text, untilAt);
        return Response.seeOther(URI.create("/agents/" + agent + "/devices/" + device)).build();
    }

    private Instant until(String until, ZoneId zone) {
        if (until == null || until.isBlank()) {
            return null;
        }
        try {
            Instant at = LocalDateTime.parse(until.strip()).atZone(zone).toInstant();
            if (!at.isAfter(clock.instant())) {
                throw new BadInput("“Until” is a time still to come; leave it empty for “until it recovers”.");
            }
            return at;
        } catch (DateTimeParseException unreadable) {
            throw new BadInput("“Until” could not be read as a date and time.");
        }
    }
}
