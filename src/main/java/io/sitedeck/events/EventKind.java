package io.sitedeck.events;

import java.util.Arrays;
import java.util.Optional;

/** The ten webhook events Domotz sends for bound alert profiles (the reference's "Webhook Events"). */
public enum EventKind {
    DEVICE_STATUS("device_status", "Device status", true),
    DEVICE_HEARTBEAT_LOST("device_heartbeat_lost", "Heartbeat lost", true),
    DEVICE_IP_CHANGE("device_ip_change", "IP address change", true),
    DEVICE_RTD("device_rtd", "Round-trip delay", true),
    DEVICE_SNMP("device_snmp", "SNMP sensor", true),
    DEVICE_TCP("device_tcp", "TCP service", true),
    AGENT_STATUS("agent_status", "Site status", false),
    AGENT_DEVICE_DISCOVERY("agent_device_discovery", "New device", false),
    AGENT_SECURITY_ISSUE("agent_security_issue", "Security issue", false),
    AGENT_SPEED_TEST("agent_speed_test", "Internet speed", false);

    private final String wireName;
    private final String label;
    private final boolean deviceEvent;

    EventKind(String wireName, String label, boolean deviceEvent) {
        this.wireName = wireName;
        this.label = label;
        this.deviceEvent = deviceEvent;
    }

    /** The name in the event's {@code name} field. */
    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    /** Device events come from profiles bound to devices and must name the device. */
    public boolean deviceEvent() {
        return deviceEvent;
    }

    public static Optional<EventKind> of(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
    }
}
