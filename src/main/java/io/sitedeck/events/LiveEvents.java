package io.sitedeck.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;
import io.sitedeck.web.Ago;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance badge(String status, String since);

        static native TemplateInstance toast(EventView event);
    }

    private final Map<Long, Set<LiveStream>> streams = new ConcurrentHashMap<>();
    private final EventStore store;
    private final EventsConfig config;

    LiveEvents(EventStore store, EventsConfig config, MeterRegistry metrics) {
        this.store = store;
        this.config = config;
        metrics.gauge("sitedeck.live.streams", streams, open -> open.values().stream().mapToInt(Set::size).sum());
    }

    /** Opens a stream for a tenant's browser: replays the events after {@code after}, then sends events as they come. */
    void open(long tenantId, EventFilter rows, SseEventSink sink, Sse sse, long after) {
        LiveStream stream = new LiveStream(tenantId, rows, sink, sse, after,
                (event, live) -> messages(sse, rows, event, live));
        streams.computeIfAbsent(tenantId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        stream.replay(after > 0 ? store.after(tenantId, after, config.replayLimit()) : List.of());
    }

    /** An event received here or by another instance: to every open stream of its tenant on this instance. */
    public void deliver(EventView event) {
        Set<LiveStream> open = streams.get(event.tenantId());
        if (open != null) {
            open.forEach(stream -> stream.offer(event));
        }
    }

    /** Open streams on this instance (for the operations page and tests). */
    public int openStreams() {
        streams.values().forEach(set -> set.removeIf(LiveStream::closed));
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    /** A comment now and then keeps proxies from closing quiet streams and finds the closed ones. */
    @Scheduled(every = "${sitedeck.events.keep-alive:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepAlive() {
        streams.values().forEach(set -> {
            set.removeIf(LiveStream::closed);
            set.forEach(LiveStream::ping);
        });
    }

    private List<OutboundSseEvent> messages(Sse sse, EventFilter rows, EventView event, boolean live) {
        List<OutboundSseEvent> out = new ArrayList<>();
        if (rows != null) {
            if (rows.matches(event)) {
                out.add(message(sse, event, "event-row", EventsResource.Templates.events$row(event)));
            }
            return out;
        }
        String since = Ago.since(event.occurredAt(), Instant.now());
        if (event.agentId() != null && event.state() != null) {
            if (EventKind.DEVICE_STATUS.wireName().equals(event.name()) && event.deviceId() != null) {
                out.add(message(sse, event, "device-" + event.agentId() + "-" + event.deviceId(),
                        Templates.badge("UP".equals(event.state()) ? "ONLINE" : "DOWN", since)));
            } else if (EventKind.AGENT_STATUS.wireName().equals(event.name())) {
                out.add(message(sse, event, "agent-" + event.agentId(),
                        Templates.badge("UP".equals(event.state()) ? "ONLINE" : "OFFLINE", since)));
            }
        }
        if (live && event.vitalDown()) {
            out.add(message(sse, event, "toast", Templates.toast(event)));
        }
        return out;
    }

    /** SSE data is line-based: the fragment goes out as one line. */
    private static OutboundSseEvent message(Sse sse, EventView event, String name, TemplateInstance html) {
        return sse.newEventBuilder().id(Long.toString(event.id())).name(name)
                .data(String.class, html.render().replace("\r", "").replace('\n', ' ').strip()).build();
    }
}
