package io.sitedeck.events;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One browser's open event stream. Until the events it missed have been replayed, live events
 * wait in a buffer; an event that was replayed is not sent again when it also arrives live. Live
 * events may come in any order (webhooks are received concurrently), so each badge only ever
 * moves forward in event time: an older event never overwrites a newer state.
 */
final class LiveStream {

    /** An event's messages, rendered once for all streams: badges, an optional toast, an Events page row. */
    record Rendered(EventView event, List<Message> badges, Message toast, Message row, Message fleet) {}

    /** One SSE message: the event name htmx listens for, and the HTML to swap in (one line). */
    record Message(String name, String html) {}

    /** Whose session opened it, and in which session epoch: it ends with that session. */
    final long userId;
    final int sessionEpoch;
    private final EventFilter rows;
    private final SseEventSink sink;
    private final Sse sse;
    private final long after;
    private final Set<Long> replayed = new HashSet<>();
    private final Map<String, Instant> badgeTimes = new HashMap<>();
    private List<Rendered> waiting = new ArrayList<>();

    /**
     * @param rows the Events page's filter for a stream of table rows; null for a stream of status
     *             badges and toasts (every page's)
     */
    LiveStream(long userId, int sessionEpoch, EventFilter rows, SseEventSink sink, Sse sse, long after) {
        this.userId = userId;
        this.sessionEpoch = sessionEpoch;
        this.rows = rows;
        this.sink = sink;
        this.sse = sse;
        this.after = after;
    }

    boolean closed() {
        return sink.isClosed();
    }

    /** Sends what the browser missed (no toasts: they are news only when new), then what arrived meanwhile. */
    synchronized void replay(List<Rendered> missed) {
        missed.forEach(event -> {
            replayed.add(event.event().id());
            send(event, false);
        });
        List<Rendered> arrived = waiting;
        waiting = null;
        arrived.forEach(event -> send(event, true));
    }

    synchronized void offer(Rendered event) {
        if (waiting != null) {
            waiting.add(event);
        } else {
            send(event, true);
        }
    }

    synchronized void close() {
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    /** A comment line: keeps proxies from closing a quiet stream, and finds out when the browser has gone. */
    synchronized void ping() {
        if (!sink.isClosed()) {
            sink.send(sse.newEventBuilder().comment("keep-alive").build()).whenComplete(this::closeOnFailure);
        }
    }

    private void send(Rendered rendered, boolean live) {
        long id = rendered.event().id();
        if (id <= after || live && replayed.contains(id)) {
            return;
        }
        if (rows != null) {
            if (rows.matches(rendered.event())) {
                send(id, rendered.row());
            }
            return;
        }
        Instant at = rendered.event().occurredAt();
        for (Message badge : rendered.badges()) {
            Instant shown = badgeTimes.get(badge.name());
            if (shown == null || !at.isBefore(shown)) {
                badgeTimes.put(badge.name(), at);
                send(id, badge);
            }
        }
        if (live && rendered.toast() != null) {
            send(id, rendered.toast());
        }
        if (rendered.fleet() != null) {
            // Last, and after a replay too: a NOC page reloads its live part once the news is in.
            send(id, rendered.fleet());
        }
    }

    private void send(long id, Message message) {
        if (!sink.isClosed()) {
            sink.send(sse.newEventBuilder().id(Long.toString(id)).name(message.name()).data(String.class, message.html())
                    .build()).whenComplete(this::closeOnFailure);
        }
    }

    /** A write that failed means the browser has gone: close, and the next clean-up forgets the stream. */
    private void closeOnFailure(Object written, Throwable failure) {
        if (failure != null) {
            close();
        }
    }
}
