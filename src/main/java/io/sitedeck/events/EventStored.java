package io.sitedeck.events;

import io.sitedeck.domotz.DomotzTarget;
import java.util.List;

/**
 * A CDI event fired <em>inside</em> the transaction that stores a new webhook event: what an observer writes (the
 * notifications outbox) commits with the event or not at all, and an observer that fails makes the store fail (the
 * webhook is answered 500 and Domotz delivers it again). {@code vital}: the device is VITAL as the tenant's cached
 * answers know it; {@code targets}: the tenant's connections, one per cell and Domotz user.
 */
public record EventStored(long tenantId, long eventId, WebhookEvent event, String agentName, String deviceName,
                          boolean vital, List<DomotzTarget> targets) {
}
