package io.sitedeck.fleet;

import java.time.Instant;

/**
 * A device down, as the NOC page lists it: only the columns the list shows, read from one index
 * ({@code ix_fleet_device_down}) rather than the device's whole row.
 */
public record DownDevice(int agentId, int deviceId, String name, String importance, String status, Instant statusSince,
                         FleetSource source) {

    public boolean vital() {
        return FleetDevice.vital(importance);
    }

    public String url() {
        return FleetDevice.url(agentId, deviceId);
    }
}
