package io.sitedeck.events;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.shared.Csv;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The tenant's received events, newest first: filter by site, device, type and time, page
 * through, export as CSV ({@code /events.csv}, same filter). New events appear at the top live.
 * Everything here is local: no Domotz call.
 */
@Path("/")
public class EventsResource {

    @Inject
    Clock clock;

    static final int CSV_LIMIT = 50_000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance events(EventsPage view);

        static native TemplateInstance events$row(EventView e, Instant now);
    }

    private final CurrentUser user;
    private final EventStore store;
    private final LiveStart live;
    private final EventsConfig config;

    EventsResource(CurrentUser user, EventStore store, LiveStart live, EventsConfig config) {
        this.user = user;
        this.store = store;
        this.live = live;
        this.config = config;
    }

    @GET
    @Path("events")
    public Response page(@RestQuery String site, @RestQuery String device, @RestQuery String type,
                         @RestQuery String from, @RestQuery String to, @RestQuery String page) {
        EventFilter filter = EventFilter.parse(site, device, type, from, to, page);
        EventStore.Slice slice = filter.valid() ? store.page(user.tenantId(), filter, config.pageSize())
                : new EventStore.Slice(List.of(), 1, false);
        return Response.status(filter.valid() ? 200 : 400)
                .entity(Templates.events(new EventsPage(filter, slice, live.latestId(), days(config.retention()), clock.instant()))).build();
    }

    @GET
    @Path("events.csv")
    public Response csv(@RestQuery String site, @RestQuery String device, @RestQuery String type,
                        @RestQuery String from, @RestQuery String to) {
        EventFilter filter = EventFilter.parse(site, device, type, from, to, null);
        if (!filter.valid()) {
            return Response.status(400).type("text/plain").entity(String.join("; ", filter.problems().values())).build();
        }
        Csv csv = new Csv().row("id", "occurred_utc", "received_utc", "event", "site_id", "site", "device_id", "device",
                "state", "summary");
        for (EventView e : store.all(user.tenantId(), filter, CSV_LIMIT)) {
            csv.row(e.id(), e.occurredAt(), e.receivedAt(), e.name(), e.agentId(), e.agentName(), e.deviceId(),
                    e.deviceName(), e.state(), e.summary());
        }
        return csv.download("events.csv");
    }

    private static String days(Duration retention) {
        long days = retention.toDays();
        return days >= 1 ? days + (days == 1 ? " day" : " days") : retention.toHours() + " h";
    }
}
