package io.sitedeck.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.sitedeck.account.AppUser;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.SessionsEnded;
import io.sitedeck.shared.Ago;
import io.sitedeck.shared.LiveNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Pushes received events to the browsers of the tenant that received them, over Server-Sent
 * Events (the htmx SSE extension swaps each message into the element that listens for its name):
 * <ul>
 *   <li>{@code device-{agent}-{device}}: the device's status badge (site table, device page);</li>
 *   <li>{@code agent-{agent}}: the site's status badge (sites list, site page);</li>
 *   <li>{@code toast}: a VITAL device went DOWN (live only, never replayed);</li>
 *   <li>{@code event-row}: a row for the Events page, on its own stream with the page's filter.</li>
 * </ul>
 * Every message carries the event's id, so a reconnecting browser says where it stopped
 * (Last-Event-ID, or {@code after=} in the URL) and gets what it missed first.
 */
@ApplicationScoped
public class LiveEvents {

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        /** The status badge of a live update; {@code device} for a device's (its page marks the badge with it), else null. */
        static native TemplateInstance badge(String status, String since, Integer device);

        static native TemplateInstance toast(EventView event);
    }

    /** Where a stream starts when the browser names no event: nothing is replayed. */
    static final long FROM_NOW = -1;

    private final Map<Long, Set<LiveStream>> streams = new ConcurrentHashMap<>();
    private final EventStore store;
    private final EventsConfig config;

    LiveEvents(EventStore store, EventsConfig config, MeterRegistry metrics) {
        this.store = store;
        this.config = config;
        metrics.gauge("sitedeck.live.streams", this, LiveEvents::openStreams);
    }

    /**
     * Opens a stream for a tenant's browser: replays the events after {@code after} (0: all it
     * has; {@link #FROM_NOW}: none), then sends events as they come.
     */
    void open(CurrentUser member, EventFilter rows, SseEventSink sink, Sse sse, long after) {
        long tenantId = member.tenantId();
        LiveStream stream = new LiveStream(member.id(), member.sessionEpoch(), rows, sink, sse, after);
        streams.computeIfAbsent(tenantId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        List<EventView> missed = after == FROM_NOW ? List.of() : store.after(tenantId, after, config.replayLimit());
        stream.replay(missed.stream().map(this::render).toList());
    }

    /** An event received here or by another instance: to every open stream of its tenant on this instance. */
    public void deliver(EventView event) {
        Set<LiveStream> open = streams.get(event.tenantId());
        if (open != null && !open.isEmpty()) {
            LiveStream.Rendered rendered = render(event);
            open.forEach(stream -> stream.offer(rendered));
        }
    }

    /** Open streams on this instance (forgetting closed ones first). */
    public int openStreams() {
        streams.values().forEach(set -> set.removeIf(LiveStream::closed));
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * Ends every open stream: browsers reconnect (to this instance once it is back, or to another)
     * and catch up from where they were. Called when the instance stops, so a rolling restart
     * moves pages over at once rather than when a proxy times them out.
     */
    public void closeAll() {
        streams.values().forEach(set -> {
            set.forEach(LiveStream::close);
            set.clear();
        });
    }

    /** A member signed out, was disabled or changed role here: their streams end now, not at the next event. */
    void sessionsEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsEnded ended) {
        closeWhere(stream -> stream.userId == ended.userId());
    }

    /**
     * Sessions ended on another instance reach this one's streams at the next keep-alive: the
     * epochs of the members with open streams are read once per round.
     */
    private void closeEndedSessions() {
        Set<Long> members = new HashSet<>();
        streams.values().forEach(set -> set.forEach(stream -> members.add(stream.userId)));
        if (members.isEmpty()) {
            return;
        }
        Map<Long, Integer> epochs = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>list("id in ?1", members)
                .stream().filter(user -> user.enabled).collect(Collectors.toMap(user -> user.id, user -> user.sessionEpoch)));
        closeWhere(stream -> !Integer.valueOf(stream.sessionEpoch).equals(epochs.get(stream.userId)));
    }

    private void closeWhere(Predicate<LiveStream> ended) {
        streams.values().forEach(set -> set.removeIf(stream -> {
            if (ended.test(stream)) {
                stream.close();
                return true;
            }
            return false;
        }));
    }

    void stop(@Observes ShutdownEvent stopping) {
        closeAll();
    }

    /** A comment now and then keeps proxies from closing quiet streams and finds the closed ones. */
    @Scheduled(every = "${sitedeck.events.keep-alive:20s}", delayed = "${sitedeck.events.keep-alive:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepAlive() {
        closeEndedSessions();
        streams.values().forEach(set -> {
            set.removeIf(LiveStream::closed);
            set.forEach(LiveStream::ping);
        });
    }

    /** Events that change what the fleet index says about a site or a device. */
    private static final Set<String> FLEET_NEWS = Set.of(EventKind.DEVICE_STATUS.wireName(),
            EventKind.AGENT_STATUS.wireName(), EventKind.DEVICE_IP_CHANGE.wireName(),
            EventKind.AGENT_DEVICE_DISCOVERY.wireName());

    private LiveStream.Rendered render(EventView event) {
        List<LiveStream.Message> badges = new ArrayList<>();
        String since = Ago.since(event.occurredAt(), clock.instant());
        if (event.agentId() != null && event.state() != null) {
            if (EventKind.DEVICE_STATUS.wireName().equals(event.name()) && event.deviceId() != null) {
                badges.add(message(LiveNames.deviceBadge(event.agentId(), event.deviceId()),
                        Templates.badge("UP".equals(event.state()) ? "ONLINE" : "DOWN", since, event.deviceId())));
            } else if (EventKind.AGENT_STATUS.wireName().equals(event.name())) {
                badges.add(message(LiveNames.siteBadge(event.agentId()),
                        Templates.badge("UP".equals(event.state()) ? "ONLINE" : "OFFLINE", since, null)));
            }
        }
        LiveStream.Message toast = event.toast() ? message("toast", Templates.toast(event)) : null;
        // The NOC page reloads its tiles and "down now" list on this (hx-trigger="sse:fleet").
        LiveStream.Message fleet = event.agentId() != null && FLEET_NEWS.contains(event.name())
                ? new LiveStream.Message("fleet", Long.toString(event.id())) : null;
        return new LiveStream.Rendered(event, badges, toast,
                message("event-row", EventsResource.Templates.events$row(event, clock.instant())), fleet);
    }

    /** SSE data is line-based: the fragment goes out as one line. */
    private static LiveStream.Message message(String name, TemplateInstance html) {
        return new LiveStream.Message(name, html.render().replace("\r", "").replace('\n', ' ').strip());
    }
}
