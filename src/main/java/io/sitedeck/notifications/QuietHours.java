package io.sitedeck.notifications;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** A rule's quiet hours, local times of the tenant's zone; {@code from} after {@code to} runs over midnight. */
record QuietHours(LocalTime from, LocalTime to) {

    boolean covers(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return from.isBefore(to) ? !local.isBefore(from) && local.isBefore(to)
                : !local.isBefore(from) || local.isBefore(to);
    }
}
