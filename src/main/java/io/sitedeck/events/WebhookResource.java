package io.sitedeck.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitedeck.account.Connections;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.Importance;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Where Domotz POSTs the tenant's webhook events: {@code /hooks/domotz/{token}}. Answers
 * {@code 201} once the event is stored (also for a re-delivery of one already stored), 404 for an
 * unknown token, 413 for a body over {@code sitedeck.events.max-body-bytes}, 400 (with the reason)
 * for anything that is not one of the ten events or is dated in the future, 429 with
 * {@code Retry-After} past the team's rate or stored-events cap ({@link WebhookLimits}), and 503
 * while the database is away (Domotz delivers again). No Domotz call happens here: names come from the
 * cache, and the cache is patched in place.
 */
@Path(WebhookTokens.PATH + "{token}")
public class WebhookResource {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    private final WebhookTokens tokens;
    private final EventStore store;
    private final Connections targets;
    private final CacheEffects effects;
    private final DomotzGateway gateway;
    private final LiveEvents live;
    private final EventFanOut fanOut;
    private final EventsConfig config;
    private final MeterRegistry metrics;
    private final WebhookLimits limits;
    private final Event<WebhookReceived> received;

    WebhookResource(WebhookTokens tokens, EventStore store, Connections targets, CacheEffects effects,
                    DomotzGateway gateway, LiveEvents live, EventFanOut fanOut, EventsConfig config,
                    MeterRegistry metrics, WebhookLimits limits, Event<WebhookReceived> received) {
        this.received = received;
        this.limits = limits;
        this.tokens = tokens;
        this.store = store;
        this.targets = targets;
        this.effects = effects;
        this.gateway = gateway;
        this.live = live;
        this.fanOut = fanOut;
        this.config = config;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response receive(@PathParam("token") String token, InputStream body) throws IOException {
        Optional<Long> tenant = tokens.tenantOf(token);
        if (tenant.isEmpty()) {
            return answer(404, "unknown_token", "Unknown webhook URL");
        }
        Instant now = clock.instant();
        if (!limits.admit(tenant.get(), now)) {
            return tryLater(limits.retryAfterSeconds(), "rate_limited", "Too many webhook events for this team: at most "
                    + config.webhookRatePerMinute() + " a minute");
        }
        byte[] bytes = body.readNBytes(config.maxBodyBytes() + 1);
        if (bytes.length > config.maxBodyBytes()) {
            return answer(413, "too_large", "The body is larger than " + config.maxBodyBytes() + " bytes");
        }
        WebhookEvent event;
        try {
            event = WebhookEvents.parse(utf8(bytes));
        } catch (WebhookEvents.Invalid invalid) {
            return answer(400, "invalid", invalid.getMessage());
        }
        if (event.at().isAfter(now.plus(config.maxFutureSkew()))) {
            // A future-dated event would sit on top of the list and hold its badge against every real one.
            return answer(400, "invalid", "The event's timestamp " + event.at() + " is in the future (more than "
                    + config.maxFutureSkew().toMinutes() + " minutes ahead of this server's clock)");
        }
        if (limits.full(tenant.get(), now)) {
            return tryLater(3600, "store_full", "This team has " + config.maxStoredPerTeam()
                    + " stored events, the most it may keep; new ones are accepted as old ones expire");
        }
        List<DomotzTarget> tenantTargets = targets.targetsOf(tenant.get());
        Optional<Device> device = findDevice(tenantTargets, event);
        boolean vital = device.map(d -> d.importance() == Importance.VITAL).orElse(false);
        Optional<EventView> stored = store.store(tenant.get(), event, agentName(tenantTargets, event).orElse(null),
                device.map(Device::name).orElse(null), vital, tenantTargets);
        if (stored.isEmpty()) {
            return answer(201, "duplicate", "Already stored");
        }
        limits.stored(tenant.get());
        effects.apply(tenantTargets, event);
        received.fire(new WebhookReceived(tenant.get(), tenantTargets, event));
        EventView view = stored.get().markedVital(vital);
        live.deliver(view);
        fanOut.publish(view);
        LOG.debugf("Stored webhook event %s (id %d) for tenant %d", event.kind().wireName(), view.id(), tenant.get());
        return answer(201, "stored", "Stored");
    }

    private Optional<Device> findDevice(List<DomotzTarget> tenantTargets, WebhookEvent event) {
        if (event.agentId() == null || event.deviceId() == null) {
            return Optional.empty();
        }
        return tenantTargets.stream().map(t -> gateway.cachedDevice(t, event.agentId(), event.deviceId()))
                .flatMap(Optional::stream).findFirst();
    }

    private Optional<String> agentName(List<DomotzTarget> tenantTargets, WebhookEvent event) {
        if (event.agentId() == null) {
            return Optional.empty();
        }
        return tenantTargets.stream().map(t -> gateway.cachedAgent(t, event.agentId())).flatMap(Optional::stream)
                .map(Agent::displayName).findFirst();
    }

    private static String utf8(byte[] bytes) throws WebhookEvents.Invalid {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new WebhookEvents.Invalid("The body is not UTF-8 text");
        }
    }

    /** A 429 with Retry-After: Domotz delivers the event again later. */
    private Response tryLater(long seconds, String outcome, String message) {
        return Response.fromResponse(answer(429, outcome, message)).header("Retry-After", seconds).build();
    }

    /** The answer, counted as {@code sitedeck_webhook_requests_total{outcome}}. */
    private Response answer(int status, String outcome, String message) {
        metrics.counter("sitedeck.webhook.requests", "outcome", outcome).increment();
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(message).build();
    }
}
