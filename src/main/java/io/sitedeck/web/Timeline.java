package io.sitedeck.web;

import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A status timeline drawn on the server as SVG (no script, no inline style): down periods as red
 * bars over a green line, markers for other events with a hover title, and the uptime share.
 */
public final class Timeline {

    /** An event on the line: {@code down} and {@code up} open and close outages, others are markers. */
    public record Event(Instant at, Kind kind, String label) {}

    public enum Kind { DOWN, UP, MARKER }

    /** Geometry for the template, in per-mille of the width. */
    @TemplateData
    public record Bar(int x, int width, String title) {}

    @TemplateData

    public record Marker(int x, String title) {}

    @TemplateData

    public record Drawing(List<Bar> outages, List<Marker> markers, String uptime) {}

    private Timeline() {
    }

    /** Assumes the subject was up at {@code from} unless its first state change is an UP. */
    public static Drawing draw(List<Event> events, Instant from, Instant to, TimeRange shown) {
        long span = Math.max(1, Duration.between(from, to).getSeconds());
        List<Bar> outages = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        Instant downSince = events.stream().filter(e -> e.kind() != Kind.MARKER).findFirst()
                .filter(e -> e.kind() == Kind.UP).map(e -> from).orElse(null);
        long downSeconds = 0;
        for (Event event : events) {
            switch (event.kind()) {
                case DOWN -> downSince = downSince == null ? event.at() : downSince;
                case UP -> {
                    if (downSince != null) {
                        outages.add(bar(downSince, event.at(), from, span, shown));
                        downSeconds += Duration.between(downSince, event.at()).getSeconds();
                        downSince = null;
                    }
                }
                case MARKER -> markers.add(new Marker(position(event.at(), from, span),
                        shown.show(event.at()) + " " + event.label()));
            }
        }
        if (downSince != null) {
            outages.add(bar(downSince, to, from, span, shown));
            downSeconds += Duration.between(downSince, to).getSeconds();
        }
        double uptime = 100.0 * (span - downSeconds) / span;
        return new Drawing(outages, markers, String.format(Locale.ROOT, "%.2f %%", uptime));
    }

    private static Bar bar(Instant start, Instant end, Instant from, long span, TimeRange shown) {
        int x = position(start, from, span);
        int width = Math.max(2, position(end, from, span) - x);
        return new Bar(x, width, "down " + shown.show(start) + " – " + shown.show(end));
    }

    private static int position(Instant at, Instant from, long span) {
        return (int) Math.max(0, Math.min(1000, 1000 * Duration.between(from, at).getSeconds() / span));
    }
}
