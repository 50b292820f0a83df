package io.sitedeck.notifications;

import io.sitedeck.events.EventKind;
import io.sitedeck.events.WebhookEvent;

/**
 * Whether a rule matches an event, as pure logic (unit-tested in {@code RuleMatchTest}). Every condition the rule sets
 * must hold: the event kind, the site, the team (the site's Domotz team), the team-note tag (device events), and
 * "vital only" — which keeps device events to VITAL devices and lets site events (a site going offline) through.
 */
final class RuleMatch {

    private RuleMatch() {
    }

    static boolean matches(NotificationRule rule, NotificationQueue.Facts facts) {
        WebhookEvent event = facts.event();
        boolean deviceEvent = event.deviceId() != null;
        return (rule.kinds().isEmpty() || rule.kinds().contains(event.kind().wireName()))
                && (rule.agents().isEmpty() || rule.agents().contains(event.agentId()))
                && (blank(rule.team) || rule.team.strip().equalsIgnoreCase(facts.team() == null ? "" : facts.team()))
                && (blank(rule.tag) || deviceEvent && facts.tags().contains(rule.tag.strip()))
                && (!rule.vitalOnly || !deviceEvent || facts.vital());
    }

    /** UP or DOWN for a device's or a site's status event; null for every other event. */
    static String upDown(WebhookEvent event) {
        return event.kind() == EventKind.DEVICE_STATUS || event.kind() == EventKind.AGENT_STATUS ? event.state() : null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
