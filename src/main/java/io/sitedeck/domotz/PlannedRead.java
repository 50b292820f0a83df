package io.sitedeck.domotz;

import java.time.Instant;

/**
 * A read someone plans to make, to ask {@link DomotzGateway#costs} what it would cost now (a report says its price
 * before it is generated): the same arguments as the gateway's read of the same name.
 */
public sealed interface PlannedRead {

    record Agent(int agentId) implements PlannedRead {
    }

    record Devices(int agentId) implements PlannedRead {
    }

    record AgentHistory(int agentId, Instant from, Instant to) implements PlannedRead {
    }

    record DeviceHistory(int agentId, int deviceId, Instant from, Instant to) implements PlannedRead {
    }

    record RtdHistory(int agentId, int deviceId, Instant from, Instant to) implements PlannedRead {
    }

    record SpeedTests(int agentId, Instant from, Instant to) implements PlannedRead {
    }
}
