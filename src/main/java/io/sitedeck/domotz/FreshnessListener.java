package io.sitedeck.domotz;

import java.time.Instant;

/**
 * Told how old the answers the gateway serves are, as it serves them (on the caller's thread):
 * the console turns this into the page's "data as of" note and banners. The gateway does not know
 * what a page or a request is.
 */
public interface FreshnessListener {

    /** Any answer served, fresh or not, sent by Domotz at {@code fetchedAt}. */
    void served(Instant fetchedAt);

    /** An answer past its freshness, served while one background call refreshes it (no trouble). */
    void servedAged(Instant fetchedAt);

    /** An older answer served because Domotz refused (quota) or failed; {@code why} says which. */
    void servedStale(Instant fetchedAt, String why);
}
