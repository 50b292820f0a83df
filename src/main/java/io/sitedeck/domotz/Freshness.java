package io.sitedeck.domotz;

import io.sitedeck.shared.Ago;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Instant;

/**
 * Whether this request was served older data — because Domotz refused or failed (a banner), or
 * because it is being refreshed in the background (a quiet note) — and how old.
 * Pages show it through {@code inject:freshness}.
 */
@RequestScoped
@Named("freshness")
public class Freshness {

    private Instant oldest;
    private String reason;
    private Instant oldestAged;
    private Instant oldestServed;

    /** Any answer this page used, fresh or not: the page states the age of its oldest data. */
    void served(Instant fetchedAt) {
        if (oldestServed == null || fetchedAt.isBefore(oldestServed)) {
            oldestServed = fetchedAt;
        }
    }

    /** Seconds since Domotz sent the oldest answer this page shows (0 when none). */
    public long dataAgeSeconds() {
        return oldestServed == null ? 0 : Math.max(0, java.time.Duration.between(oldestServed, Instant.now()).toSeconds());
    }

    void servedStale(Instant fetchedAt, String why) {
        if (oldest == null || fetchedAt.isBefore(oldest)) {
            oldest = fetchedAt;
            reason = why;
        }
    }

    /** An answer past its freshness, served while a background call refreshes it (no trouble). */
    void servedAged(Instant fetchedAt) {
        if (oldestAged == null || fetchedAt.isBefore(oldestAged)) {
            oldestAged = fetchedAt;
        }
    }

    /** Some data is past its freshness and being refreshed: the page says how old, quietly. */
    public boolean aged() {
        return oldestAged != null && oldest == null;
    }

    public String agedFor() {
        return oldestAged == null ? "" : Ago.since(oldestAged, Instant.now());
    }

    public boolean stale() {
        return oldest != null;
    }

    /** How old the oldest data on the page is, e.g. {@code 12 min}. */
    public String age() {
        return oldest == null ? "" : Ago.since(oldest, Instant.now());
    }

    public String reason() {
        return reason;
    }
}
