package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentQuery;
import io.sitedeck.domotz.model.AgentStatusValue;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceKind;
import io.sitedeck.domotz.model.DeviceStatus;
import io.sitedeck.domotz.model.EditableField;
import io.sitedeck.domotz.model.Importance;
import io.sitedeck.domotz.model.Protocol;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent and device operations (listAgents, countAgents, getAgent, listDevices, getDevice,
 * editDevice, hideDevice, deleteDevice, deleteDownDevices) through the Sitedeck client against
 * the running sandbox, over real HTTP.
 */
@QuarkusTest
class AgentAndDeviceContractTest {

    @TestHTTPResource("public-api/v1")
    URL sandbox;

    @Inject
    DomotzGateway gateway;

    DomotzTarget demo;

    @BeforeEach
    void target() {
        demo = TestKeys.target(sandbox, TestKeys.DEMO);
    }

    @Test
    void listsAgentsWithPagingAndCaseInsensitiveFilters() {
        List<Agent> all = gateway.listAgents(demo, AgentQuery.ALL);
        assertEquals(12, all.size());
        assertEquals(12, all.stream().map(Agent::id).distinct().count());
        all.forEach(agent -> {
            assertNotNull(agent.displayName());
            assertNotNull(agent.status().value());
            assertNotNull(agent.creationTime());
            assertNotNull(agent.team().name());
            assertNotNull(agent.version().packageVersion());
        });
        assertTrue(all.stream().anyMatch(a -> !a.apiEnabled()), "one agent is listed without API access");

        List<Agent> thirdPage = gateway.listAgents(demo, AgentQuery.page(5, 2));
        assertEquals(all.subList(10, 12), thirdPage);

        List<Agent> dental = gateway.listAgents(demo, new AgentQuery(null, null, "DENTAL", null));
        assertFalse(dental.isEmpty());
        dental.forEach(a -> assertTrue(a.displayName().toLowerCase(Locale.ROOT).contains("dental")));

        List<Agent> north = gateway.listAgents(demo, new AgentQuery(null, null, null, "north"));
        assertEquals(all.stream().filter(a -> a.teamName().equals("North Region")).toList(), north);
    }

    @Test
    void countsAgentsFromTheEntitiesCountHeader() {
        assertEquals(12, gateway.countAgents(demo, null, null));
        long south = gateway.listAgents(demo, AgentQuery.ALL).stream()
                .filter(a -> a.teamName().equals("South Region")).count();
        assertEquals(south, gateway.countAgents(demo, null, "SOUTH"));
        assertEquals(0, gateway.countAgents(demo, "no such site", null));
    }

    @Test
    void readsAgentDetails() {
        Agent listed = gateway.listAgents(demo, AgentQuery.ALL).get(0);
        Agent detail = gateway.getAgent(demo, listed.id());
        assertEquals(listed.displayName(), detail.displayName());
        assertNotNull(detail.listenOn(), "AgentDetail adds listen_on");
        assertNotNull(detail.location().latitude());
        assertNotNull(detail.licence().expirationTime());
        assertEquals(AgentStatusValue.ONLINE, detail.status().value());
    }

    @Test
    void listsDevicesOfEveryKindAsRealAccountsSendThem() {
        int agentId = firstReadableAgent();
        List<Device> visible = gateway.listDevices(demo, agentId, false);
        List<Device> all = gateway.listDevices(demo, agentId, true);

        assertTrue(visible.stream().noneMatch(d -> d.status() == DeviceStatus.HIDDEN));
        assertTrue(all.stream().anyMatch(d -> d.status() == DeviceStatus.HIDDEN), "show_hidden adds hidden devices");
        assertEquals(all.size() - visible.size(), all.stream().filter(d -> d.status() == DeviceStatus.HIDDEN).count());

        Set<DeviceKind> kinds = all.stream().map(Device::kind).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(DeviceKind.class), kinds);
        assertTrue(all.stream().anyMatch(d -> d.protocol() == Protocol.IP_SUBNET), "subnet devices say IP_SUBNET");
        assertTrue(all.stream().anyMatch(d -> d.details() == null), "some devices come without details");
        assertTrue(all.stream().anyMatch(d -> d.type() == null), "unrecognised devices come without type");

        Device local = all.stream().filter(d -> d.kind() == DeviceKind.LOCAL).findFirst().orElseThrow();
        assertNotNull(local.hwAddress());
        assertFalse(local.ipAddresses().isEmpty());
        assertNotNull(local.firstSeenOn());
        Device dummy = all.stream().filter(d -> d.kind() == DeviceKind.DUMMY).findFirst().orElseThrow();
        assertNull(dummy.status(), "a dummy device has no network status");
        assertTrue(dummy.ipAddresses().isEmpty());
    }

    @Test
    void readsOneDevice() {
        int agentId = firstReadableAgent();
        Device listed = gateway.listDevices(demo, agentId, false).get(0);
        assertEquals(listed, gateway.getDevice(demo, agentId, listed.id()));
    }

    @Test
    void editsAllSevenFieldsAndTheChangesShowAtOnce() {
        int agentId = agentAt(2);
        Device device = gateway.listDevices(demo, agentId, false).get(1);
        gateway.getDevice(demo, agentId, device.id()); // cached now: the edits must invalidate it

        gateway.editDevice(demo, agentId, device.id(), EditableField.USER_DATA_NAME, "Reception \"Main\" switch");
        gateway.editDevice(demo, agentId, device.id(), EditableField.USER_DATA_VENDOR, "Acme");
        gateway.editDevice(demo, agentId, device.id(), EditableField.USER_DATA_MODEL, "X-100");
        gateway.editDevice(demo, agentId, device.id(), EditableField.USER_DATA_TYPE, "8");
        gateway.editDevice(demo, agentId, device.id(), EditableField.IMPORTANCE, "FLOATING");
        gateway.editDevice(demo, agentId, device.id(), EditableField.DETAILS_ZONE, "Basement");
        gateway.editDevice(demo, agentId, device.id(), EditableField.DETAILS_ROOM, "Rack 7");

        Device edited = gateway.getDevice(demo, agentId, device.id());
        assertEquals("Reception \"Main\" switch", edited.userData().name());
        assertEquals("Reception \"Main\" switch", edited.name());
        assertEquals("Acme", edited.userData().vendor());
        assertEquals("X-100", edited.userData().model());
        assertEquals(8, edited.userData().type());
        assertEquals(Importance.FLOATING, edited.importance());
        assertEquals("Basement", edited.details().zone());
        assertEquals("Rack 7", edited.details().room());
        assertTrue(gateway.listDevices(demo, agentId, false).contains(edited), "the cached list was invalidated too");
    }

    @Test
    void refusesInvalidEditsWithTheUpstreamMessage() {
        int agentId = agentAt(2);
        int deviceId = gateway.listDevices(demo, agentId, false).get(0).id();
        var importance = assertThrows(DomotzException.BadRequest.class,
                () -> gateway.editDevice(demo, agentId, deviceId, EditableField.IMPORTANCE, "URGENT"));
        assertTrue(importance.getMessage().contains("VITAL"), importance.getMessage());
        var type = assertThrows(DomotzException.BadRequest.class,
                () -> gateway.editDevice(demo, agentId, deviceId, EditableField.USER_DATA_TYPE, "9999"));
        assertTrue(type.getMessage().contains("9999"), type.getMessage());
    }

    @Test
    void hidesOnlyDownDevices() {
        int agentId = agentAt(3);
        List<Device> devices = gateway.listDevices(demo, agentId, false);
        Device down = devices.stream().filter(d -> d.status() == DeviceStatus.DOWN).findFirst().orElseThrow();
        Device online = devices.stream().filter(d -> d.status() == DeviceStatus.ONLINE).findFirst().orElseThrow();

        assertThrows(DomotzException.BadRequest.class, () -> gateway.hideDevice(demo, agentId, online.id()));
        gateway.hideDevice(demo, agentId, down.id());

        assertTrue(gateway.listDevices(demo, agentId, false).stream().noneMatch(d -> d.id() == down.id()));
        assertEquals(DeviceStatus.HIDDEN, gateway.getDevice(demo, agentId, down.id()).status());
    }

    @Test
    void deletesOneDevice() {
        int agentId = agentAt(5);
        Device victim = gateway.listDevices(demo, agentId, false).get(3);
        gateway.deleteDevice(demo, agentId, victim.id());
        assertThrows(DomotzException.NotFound.class, () -> gateway.getDevice(demo, agentId, victim.id()));
        assertTrue(gateway.listDevices(demo, agentId, true).stream().noneMatch(d -> d.id() == victim.id()));
    }

    @Test
    void anAgentOfAnotherUserIsNeitherListedNorFound() {
        DomotzTarget own = TestKeys.target(sandbox, TestKeys.PRIVATE_AGENT);
        List<Integer> seen = gateway.listAgents(own, AgentQuery.ALL).stream().map(Agent::id).toList();
        assertEquals(13, seen.size());
        assertTrue(seen.contains(TestKeys.PRIVATE_AGENT_ID), seen.toString());
        assertTrue(gateway.listAgents(demo, AgentQuery.ALL).stream().noneMatch(a -> a.id() == TestKeys.PRIVATE_AGENT_ID));
        var missing = assertThrows(DomotzException.NotFound.class,
                () -> gateway.listDevices(demo, TestKeys.PRIVATE_AGENT_ID, false));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }

    /** On an agent only the private key's user sees, so no other test class reads or changes its devices. */
    @Test
    void deletesAllDownIpDevicesAndNothingElse() {
        DomotzTarget own = TestKeys.target(sandbox, TestKeys.PRIVATE_AGENT);
        int agentId = TestKeys.PRIVATE_AGENT_ID;
        List<Device> before = gateway.listDevices(own, agentId, true);
        Set<Integer> downIp = before.stream()
                .filter(d -> d.status() == DeviceStatus.DOWN)
                .filter(d -> d.kind() == DeviceKind.LOCAL || d.kind() == DeviceKind.SUBNET)
                .map(Device::id).collect(Collectors.toSet());
        assertFalse(downIp.isEmpty());

        gateway.deleteDownDevices(own, agentId);

        Set<Integer> after = gateway.listDevices(own, agentId, true).stream().map(Device::id)
                .collect(Collectors.toCollection(HashSet::new));
        Set<Integer> expected = before.stream().map(Device::id).filter(id -> !downIp.contains(id))
                .collect(Collectors.toSet());
        assertEquals(expected, after);
    }

    private int firstReadableAgent() {
        return agentAt(0);
    }

    /** The n-th agent of the list; each mutating test uses its own agent. */
    private int agentAt(int index) {
        Agent agent = gateway.listAgents(demo, AgentQuery.ALL).get(index);
        assertTrue(agent.apiEnabled());
        return agent.id();
    }
}
