package io.sitedeck.events;

import java.time.Instant;
import java.util.List;

/**
 * A webhook body that passed its schema: what it is about, when it happened, and a one-line
 * summary for people. {@code state} is the event's UP/DOWN (status events, a TCP port DOWN) or
 * its issue status (RTD, speed test), where it has one; status events patch cached answers with it.
 * {@code addresses}: the new IP addresses of an IP change (empty otherwise).
 */
public record WebhookEvent(EventKind kind, Instant at, Integer agentId, Integer deviceId, String state,
                           List<String> addresses, String summary, String canonicalBody) {
}
