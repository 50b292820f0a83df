package io.sitedeck.events;

import java.time.Instant;

/**
 * Whether a maintenance window of the tenant covered a site or device when an event happened (issue #18): such
 * events are stored marked "in maintenance" and raise no toast. Implemented by the availability package, which
 * owns the windows; events only ask (the same inversion as the sandbox's webhook targets).
 */
public interface MaintenanceCheck {

    /** {@code deviceId} null: the site itself. */
    boolean covers(long tenantId, int agentId, Integer deviceId, Instant at);
}
