package io.sitedeck.events;

import io.sitedeck.domotz.DomotzTarget;
import java.util.List;

/**
 * A CDI event: a new webhook event of a tenant was stored (duplicates are not news), fired before
 * open pages hear of it, so what observers update (the fleet index) is what those pages then read.
 * {@code targets}: the tenant's connections, one per cell and Domotz user.
 */
public record WebhookReceived(long tenantId, List<DomotzTarget> targets, WebhookEvent event) {
}
