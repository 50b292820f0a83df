package io.sitedeck.console;

import io.sitedeck.shared.Ago;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether this request was served older data — because Domotz refused or failed (a banner), or
 * because it is being refreshed in the background (a quiet note) — and how old.
 * Pages show it through {@code inject:freshness}.
 */
@RequestScoped
@Named("freshness")
public class Freshness {

    @Inject
    Clock clock;

    private Instant oldest;
    private String reason;
    private Instant oldestAged;
    private Instant oldestServed;

    /** Any answer this page used, fresh or not: the page states the age of its oldest data. */
    public void served(Instant fetchedAt) {
        if (oldestServed == null || fetchedAt.isBefore(oldestServed)) {
            oldestServed = fetchedAt;
        }
    }

    /** Seconds since Domotz sent the oldest answer this page shows (0 when none). */
    public long dataAgeSeconds() {
        return oldestServed == null ? 0 : Math.max(0, Duration.between(oldestServed, clock.instant()).toSeconds());
    }

    public void servedStale(Instant fetchedAt, String why) {
        if (oldest == null || fetchedAt.isBefore(oldest)) {
            oldest = fetchedAt;
            reason = why;
        }
    }

    /** An answer past its freshness, served while a background call refreshes it (no trouble). */
    public void servedAged(Instant fetchedAt) {
        if (oldestAged == null || fetchedAt.isBefore(oldestAged)) {
            oldestAged = fetchedAt;
        }
    }

    /** Some data is past its freshness and being refreshed: the page says how old, quietly. */
    public boolean aged() {
        return oldestAged != null && oldest == null;
    }

    public String agedFor() {
        return oldestAged == null ? "" : Ago.since(oldestAged, clock.instant());
    }

    public boolean stale() {
        return oldest != null;
    }

    /** How old the oldest data on the page is, e.g. {@code 12 min}. */
    public String age() {
        return oldest == null ? "" : Ago.since(oldest, clock.instant());
    }

    public String reason() {
        return reason;
    }
}
