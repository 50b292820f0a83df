package io.sitedeck.sandbox;

import java.util.List;

/** The alert profiles every sandbox user has, as configured in a Domotz portal. */
final class SandboxAlertProfiles {

    record Profile(int id, String name, String description, String tag, boolean enabled, List<String> events) {}

    static final int CRITICAL_DOWN = 1;
    static final int SITE_CONNECTIVITY = 4;

    static final List<Profile> PROFILES = List.of(
            new Profile(CRITICAL_DOWN, "Critical devices down", "Page the on-call engineer when a vital device stops answering",
                    "on-call", true, List.of("device_status", "device_heartbeat_lost")),
            new Profile(2, "Latency watch", "Round-trip delay above the thresholds", "performance", true,
                    List.of("device_rtd", "device_tcp")),
            new Profile(3, "Network changes", "New devices and IP address changes", "inventory", true,
                    List.of("device_ip_change", "agent_device_discovery")),
            new Profile(SITE_CONNECTIVITY, "Site connectivity", "The agent loses its connection or the Internet slows down",
                    "sites", true, List.of("agent_status", "agent_speed_test")),
            new Profile(5, "Security findings", "Open ports and UPnP forwards found by the agent", "security", false,
                    List.of("agent_security_issue")),
            new Profile(6, "SNMP sensors", "SNMP sensor values crossing their triggers", "sensors", true,
                    List.of("device_snmp")));

    private SandboxAlertProfiles() {
    }

    static boolean exists(int id) {
        return PROFILES.stream().anyMatch(p -> p.id() == id);
    }
}
