package io.sitedeck.events;

import java.time.Instant;
import java.util.List;

/** The Events page: the filter, one page of events, and where its live rows come from. */
public record EventsPage(EventFilter filter, EventStore.Slice slice, long latestId, String retention, Instant now) {

    public List<EventKind> kinds() {
        return List.of(EventKind.values());
    }

    /** New rows arrive only on the first page of an open-ended window. */
    public boolean live() {
        return filter.valid() && filter.live();
    }

    public String streamUrl() {
        String query = filter.query();
        return "/events/stream?rows=1&after=" + latestId + (query.isEmpty() ? "" : "&" + query);
    }

    public String csvUrl() {
        String query = filter.query();
        return "/events.csv" + (query.isEmpty() ? "" : "?" + query);
    }

    public String previousUrl() {
        return slice.page() > 1 ? filter.pageUrl(slice.page() - 1) : null;
    }

    public String nextUrl() {
        return slice.more() ? filter.pageUrl(slice.page() + 1) : null;
    }
}
