package io.sitedeck.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One sandbox device, mutable through the API; guarded by its agent's lock. */
final class SandboxDevice {

    enum Kind { LOCAL, SUBNET, EXTERNAL, DUMMY }

    /** A change made by an API call or the simulator, merged into the generated history. */
    record RuntimeEvent(Instant at, String type, List<String> oldIps, List<String> newIps) {}

    int id;
    int agentId;
    Kind kind;
    String displayName;
    String status;
    Instant lastStatusChange;
    String importance;
    String authenticationStatus;
    Instant credentialsSubmitted;
    boolean credentialsAccepted;
    String zone;
    String room;
    String snmpRead;
    String snmpWrite;
    Instant firstSeenOn;
    Integer mainId;
    Integer typeId;
    Integer detectedId;
    String userName;
    String userVendor;
    String userModel;
    Integer userType;
    boolean agentReachable = true;
    int gracePeriod;
    List<String> ipAddresses = new ArrayList<>();
    String vendor;
    String model;
    String mac;
    boolean jammed;
    String nameDhcp;
    String nameHost;
    String nameBonjour;
    String nameUpnp;
    String nameSnmp;
    String nameInspection;
    SandboxCatalogue.Power power = SandboxCatalogue.Power.NONE;
    boolean softwareReboot;
    /** Whether its outlet or PoE port is on; Domotz's power actions switch this. */
    boolean poweredOn = true;
    double rtdBaselineMs;
    final List<RuntimeEvent> runtimeEvents = new ArrayList<>();

    boolean isIp() {
        return kind != Kind.DUMMY;
    }

    boolean hasDetails() {
        return zone != null || room != null || snmpRead != null || snmpWrite != null;
    }

    boolean hasUserData() {
        return userName != null || userVendor != null || userModel != null || userType != null;
    }

    void changeAddresses(List<String> addresses, Instant at) {
        runtimeEvents.add(new RuntimeEvent(at, "IP_CHANGE", List.copyOf(ipAddresses), List.copyOf(addresses)));
        ipAddresses = new ArrayList<>(addresses);
    }

    /** Answers whether the status changed (then a {@code device_status} event is due). */
    boolean changeStatus(String newStatus, Instant at) {
        if (newStatus.equals(status)) {
            return false;
        }
        status = newStatus;
        lastStatusChange = at;
        runtimeEvents.add(new RuntimeEvent(at, "ONLINE".equals(newStatus) ? "UP" : "DOWN", null, null));
        return true;
    }
}
