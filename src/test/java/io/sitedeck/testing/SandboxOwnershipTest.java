package io.sitedeck.testing;

import static io.sitedeck.testing.SandboxOwnership.Part.agentBindings;
import static io.sitedeck.testing.SandboxOwnership.Part.allDevices;
import static io.sitedeck.testing.SandboxOwnership.Part.device;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxOwnershipTest {

    private final SandboxOwnership ownership = new SandboxOwnership();

    @Test
    void aClassMayChangeWhatItOwnsAgain() {
        assertTrue(ownership.claim("A", device(5015, 105001)).isEmpty());
        assertTrue(ownership.claim("A", device(5015, 105001)).isEmpty());
        assertTrue(ownership.claim("A", allDevices(5015)).isEmpty());
        assertTrue(ownership.claim("A", agentBindings(5015)).isEmpty());
    }

    @Test
    void twoClassesMayChangeDifferentPartsOfOneAgent() {
        assertTrue(ownership.claim("A", device(5015, 105001)).isEmpty());
        assertTrue(ownership.claim("B", device(5015, 105002)).isEmpty());
        assertTrue(ownership.claim("C", agentBindings(5015)).isEmpty());
    }

    @Test
    void aSecondClassChangingTheSamePartConflicts() {
        ownership.claim("A", device(5015, 105001));
        ownership.claim("A", agentBindings(5015));
        assertEquals(Optional.of("device 105001 of agent 5015 was changed by A"), ownership.claim("B", device(5015, 105001)));
        assertEquals(Optional.of("agent 5015's alert bindings was changed by A"), ownership.claim("B", agentBindings(5015)));
    }

    @Test
    void aWholeDeviceListOverlapsEachOfItsDevicesBothWays() {
        ownership.claim("A", allDevices(5018));
        assertEquals(Optional.of("agent 5018's device list was changed by A"), ownership.claim("B", device(5018, 118003)));
        ownership.claim("C", device(5021, 107003));
        assertEquals(Optional.of("device 107003 of agent 5021 was changed by C"), ownership.claim("D", allDevices(5021)));
        assertTrue(ownership.claim("E", device(5024, 108001)).isEmpty(), "another agent's devices are apart");
    }

    @Test
    void aRefusedClaimClaimsNothing() {
        ownership.claim("A", device(5018, 118003));
        ownership.claim("B", allDevices(5018));
        assertTrue(ownership.claim("A", allDevices(5018)).isEmpty());
        assertEquals("agent 5018's device list: A\ndevice 118003 of agent 5018: A", ownership.summary());
    }
}
