package io.sitedeck.console;

import io.quarkus.arc.Arc;
import io.sitedeck.domotz.FreshnessListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Hands what the gateway served to the current request's {@link Freshness}, so the page can say
 * how old its data is. Reads outside a request (background refreshes, scheduled jobs) have no page
 * to tell and are left out.
 */
@ApplicationScoped
class PageFreshness implements FreshnessListener {

    private final Freshness freshness;

    PageFreshness(Freshness freshness) {
        this.freshness = freshness;
    }

    @Override
    public void served(Instant fetchedAt) {
        if (inRequest()) {
            freshness.served(fetchedAt);
        }
    }

    @Override
    public void servedAged(Instant fetchedAt) {
        if (inRequest()) {
            freshness.servedAged(fetchedAt);
        }
    }

    @Override
    public void servedStale(Instant fetchedAt, String why) {
        if (inRequest()) {
            freshness.servedStale(fetchedAt, why);
        }
    }

    private static boolean inRequest() {
        return Arc.container().requestContext().isActive();
    }
}
