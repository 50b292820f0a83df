package io.sitedeck.notifications;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.availability.Acknowledgements;
import io.sitedeck.shared.Missing;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The acknowledgement link in a DOWN notification (issue #19): whoever holds the message may acknowledge the device
 * without signing in, like a webhook URL's token is its credential. Opening the link changes nothing (chat apps open
 * links to preview them); the form on the page does — it records the acknowledgement (audited, "via a notification
 * link") and stops the device's escalation. The link works for a day, and not after the device recovered.
 */
@Path("/notifications/ack/{token}")
public class AckResource {

    static final String PATH = "/notifications/ack/";
    private static final Duration VALID = Duration.ofHours(24);

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ack(AckView view);
    }

    public record AckView(String token, String device, String site, String since, boolean done) {
    }

    private final Acknowledgements acknowledgements;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    AckResource(Acknowledgements acknowledgements, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.acknowledgements = acknowledgements;
        this.json = json;
    }

    @GET
    public TemplateInstance page(@PathParam("token") String token, @QueryParam("done") String done) {
        OutboxEntry down = valid(token);
        NotificationMessage m = message(down);
        return Templates.ack(new AckView(token, m.device(), m.site(), m.since(), done != null));
    }

    @POST
    public Response acknowledge(@PathParam("token") String token, @RestForm String name, @RestForm String note) {
        OutboxEntry down = valid(token);
        String who = name == null || name.isBlank() ? "someone" : name.strip();
        String text = note == null || note.isBlank() ? "Acknowledged from a notification" : note.strip();
        if (who.length() > 100 || text.length() > 200) {
            throw new io.sitedeck.shared.BadInput("A name of 100 and a note of 200 characters at most.");
        }
        acknowledgements.acknowledge(down.tenantId, who + " (via a notification link)", down.agentId, down.deviceId, text,
                null);
        QuarkusTransaction.requiringNew().run(() -> OutboxEntry.update("status = ?1, lastError = ?2 where tenantId = ?3"
                        + " and agentId = ?4 and deviceId = ?5 and kind = 'ESCALATION' and status = 'PENDING'",
                OutboxEntry.CANCELLED, "Acknowledged by " + who, down.tenantId, down.agentId, down.deviceId));
        return Response.seeOther(URI.create(PATH + token + "?done=1")).build();
    }

    /** The DOWN the token belongs to, while the link works; anything else is simply not found. */
    private OutboxEntry valid(String token) {
        Optional<OutboxEntry> found = token == null || token.length() > 64 ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>find("ackToken", token)
                        .firstResultOptional());
        OutboxEntry down = found.orElseThrow(() -> new Missing("This acknowledgement link is not valid."));
        boolean recovered = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("tenantId = ?1 and agentId = ?2"
                + " and deviceId = ?3 and kind = 'RECOVERED' and happenedAt >= ?4", down.tenantId, down.agentId,
                down.deviceId, down.happenedAt) > 0);
        if (recovered || down.happenedAt.plus(VALID).isBefore(clock.instant())) {
            throw new Missing("This acknowledgement link has expired: the device recovered, or it is more than a day old.");
        }
        return down;
    }

    private NotificationMessage message(OutboxEntry entry) {
        try {
            return json.readValue(entry.message, NotificationMessage.class);
        } catch (IOException unreadable) {
            throw new Missing("This acknowledgement link is not valid.");
        }
    }
}
