package io.sitedeck.events;

import io.sitedeck.account.CurrentUser;
import io.sitedeck.shared.BadInput;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The signed-in member's live stream of their tenant's events (Server-Sent Events). Every page
 * opens one for status badges and toasts; the Events page opens a second with {@code rows=1} and
 * its filter, for table rows. Starts after {@code Last-Event-ID} (a browser reconnecting by
 * itself) or {@code after} (the newest event the page had when it was made, kept up to date by
 * sitedeck.js for reconnects htmx makes), whichever is later.
 */
@Path("/events/stream")
public class EventStreamResource {

    private final CurrentUser user;
    private final LiveEvents live;

    EventStreamResource(CurrentUser user, LiveEvents live) {
        this.user = user;
        this.live = live;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId,
                       @RestQuery String after, @RestQuery String rows, @RestQuery String site,
                       @RestQuery String device, @RestQuery String type, @RestQuery String from) {
        EventFilter filter = null;
        if ("1".equals(rows)) {
            filter = EventFilter.parse(site, device, type, from, null, null);
            if (!filter.valid()) {
                throw new BadInput(String.join("; ", filter.problems().values()));
            }
        }
        live.open(user, filter, sink, sse, Math.max(position(lastEventId), position(after)));
    }

    /** An event id the browser sent (0: it has seen none yet); -1 for none at all, which means "from now on". */
    private static long position(String id) {
        if (id == null || id.isBlank()) {
            return LiveEvents.FROM_NOW;
        }
        try {
            return Math.max(LiveEvents.FROM_NOW, Long.parseLong(id.trim()));
        } catch (NumberFormatException notAnId) {
            return LiveEvents.FROM_NOW;
        }
    }
}
