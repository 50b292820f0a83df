package io.sitedeck.events;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One browser's open event stream. Until the events it missed have been replayed, live events
 * wait in a buffer; after that, nothing older than what was last sent goes out again, so a
 * reconnecting page sees each event once and in order.
 */
final class LiveStream {

    private final long tenantId;
    private final EventFilter rows;
    private final SseEventSink sink;
    private final Sse sse;
    private final BiFunction<EventView, Boolean, List<OutboundSseEvent>> messages;
    private List<EventView> waiting = new ArrayList<>();
    private long lastSent;

    /**
     * @param rows the Events page's filter for a stream of table rows; null for a stream of status
     *             badges and toasts (every page's)
     * @param messages what to send for an event (the flag: it is live, not a replay)
     */
    LiveStream(long tenantId, EventFilter rows, SseEventSink sink, Sse sse, long after,
               BiFunction<EventView, Boolean, List<OutboundSseEvent>> messages) {
        this.tenantId = tenantId;
        this.rows = rows;
        this.sink = sink;
        this.sse = sse;
        this.lastSent = after;
        this.messages = messages;
    }

    long tenantId() {
        return tenantId;
    }

    EventFilter rows() {
        return rows;
    }

    boolean closed() {
        return sink.isClosed();
    }

    /** Sends what the browser missed, then what arrived meanwhile; from now on events go out as they come. */
    synchronized void replay(List<EventView> missed) {
        missed.forEach(event -> send(event, false));
        List<EventView> arrived = waiting;
        waiting = null;
        arrived.forEach(event -> send(event, true));
    }

    synchronized void offer(EventView event) {
        if (waiting != null) {
            waiting.add(event);
        } else {
            send(event, true);
        }
    }

    /** A comment line: keeps proxies from closing a quiet stream, and finds out when the browser has gone. */
    synchronized void ping() {
        send(sse.newEventBuilder().comment("keep-alive").build());
    }

    void close() {
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    private void send(OutboundSseEvent message) {
        if (!sink.isClosed()) {
            sink.send(message).exceptionally(gone -> {
                close();
                return null;
            });
        }
    }

    private void send(EventView event, boolean live) {
        if (event.id() <= lastSent) {
            return;
        }
        lastSent = event.id();
        messages.apply(event, live).forEach(this::send);
    }
}
