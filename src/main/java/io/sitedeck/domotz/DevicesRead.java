package io.sitedeck.domotz;

import io.sitedeck.domotz.model.Device;
import java.time.Instant;
import java.util.List;

/**
 * A CDI event: the gateway read an agent's device list from Domotz for a page (not from its cache).
 * Fired on the thread that made the call, after the answer arrived; observers must not call Domotz.
 */
public record DevicesRead(DomotzTarget target, int agentId, List<Device> devices, Instant fetchedAt) {
}
