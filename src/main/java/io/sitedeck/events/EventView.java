package io.sitedeck.events;

import io.sitedeck.shared.Ago;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One received event as pages, CSV and live updates show it; also what instances send each other
 * (JSON) so an event reaches browsers on every instance. {@code vital}: the device was VITAL as
 * far as the cache knew when the event came in (only live updates use it, for the toast).
 */
public record EventView(long id, long tenantId, String name, Integer agentId, Integer deviceId, String agentName,
                        String deviceName, String state, String summary, Instant occurredAt, Instant receivedAt,
                        boolean vital, boolean inMaintenance) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    static EventView of(StoredEvent e) {
        return new EventView(e.id, e.tenantId, e.name, e.agentId, e.deviceId, e.agentName, e.deviceName, e.state,
                e.summary, e.occurredAt, e.receivedAt, false, e.inMaintenance);
    }

    EventView markedVital(boolean isVital) {
        return new EventView(id, tenantId, name, agentId, deviceId, agentName, deviceName, state, summary, occurredAt,
                receivedAt, isVital, inMaintenance);
    }

    public String kindLabel() {
        return EventKind.of(name).map(EventKind::label).orElse(name);
    }

    public String siteLabel() {
        return agentName != null ? agentName : agentId == null ? "" : "Site " + agentId;
    }

    public String deviceLabel() {
        return deviceName != null ? deviceName : deviceId == null ? "" : "Device " + deviceId;
    }

    public String siteUrl() {
        return agentId == null ? null : "/agents/" + agentId;
    }

    public String deviceUrl() {
        return agentId == null || deviceId == null ? null : "/agents/" + agentId + "/devices/" + deviceId;
    }

    public String ago(Instant now) {
        return Ago.since(occurredAt, now);
    }

    /** When it happened, in UTC to the second (as the CSV has it): for machines. */
    public String occurredUtc() {
        return DateTimeFormatter.ISO_INSTANT.format(occurredAt.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The same for people: {@code 2026-11-26 16:12:21}. */
    public String occurredShown() {
        return SHOWN.format(occurredAt);
    }


    /** Something went wrong (shown highlighted): DOWN, a lost heartbeat, a detected issue. */
    public boolean trouble() {
        return "DOWN".equals(state) || (state != null && state.endsWith("_DETECTED"))
                || EventKind.DEVICE_HEARTBEAT_LOST.wireName().equals(name)
                || EventKind.AGENT_SECURITY_ISSUE.wireName().equals(name);
    }

    /** A vital device went down: worth a toast on every open page. */
    public boolean vitalDown() {
        return vital && EventKind.DEVICE_STATUS.wireName().equals(name) && "DOWN".equals(state);
    }

    /** A toast for a vital device gone down, unless planned work covers it (issue #18). */
    public boolean toast() {
        return vitalDown() && !inMaintenance;
    }
}
