package io.sitedeck.domotz;

import io.sitedeck.web.Ago;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Instant;

/**
 * Whether this request was served older data because Domotz refused or failed, and how old.
 * Pages show it as a banner ({@code inject:freshness}).
 */
@RequestScoped
@Named("freshness")
public class Freshness {

    private Instant oldest;
    private String reason;

    void servedStale(Instant fetchedAt, String why) {
        if (oldest == null || fetchedAt.isBefore(oldest)) {
            oldest = fetchedAt;
            reason = why;
        }
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
