package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.sitedeck.domotz.model.AgentEventType;
import io.sitedeck.domotz.model.AgentHistoryEvent;
import io.sitedeck.domotz.model.AgentQuery;
import io.sitedeck.domotz.model.AuthenticationStatus;
import io.sitedeck.domotz.model.ConnectionProtocol;
import io.sitedeck.domotz.model.ConnectionRequest;
import io.sitedeck.domotz.model.ConnectionSession;
import io.sitedeck.domotz.model.DetectedDeviceType;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceCredentials;
import io.sitedeck.domotz.model.DeviceEventType;
import io.sitedeck.domotz.model.DeviceHistoryEvent;
import io.sitedeck.domotz.model.DeviceKind;
import io.sitedeck.domotz.model.DevicePowerActions;
import io.sitedeck.domotz.model.DeviceStatus;
import io.sitedeck.domotz.model.PowerAction;
import io.sitedeck.domotz.model.RtdSample;
import io.sitedeck.domotz.model.RtdStatistics;
import io.sitedeck.domotz.model.Snapshot;
import io.sitedeck.domotz.model.SnmpCommunity;
import io.sitedeck.domotz.model.SpeedSample;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Power, credentials, SNMP, remote connection, camera snapshot, RTD statistics and the four
 * histories, through the Sitedeck client against the running sandbox.
 */
@QuarkusTest
class ActionsAndMetricsContractTest {

    private static final Instant DAY_START = Instant.parse("2026-03-02T00:00:00Z");

    @TestHTTPResource("public-api/v1")
    URL sandbox;

    @Inject
    DomotzGateway gateway;

    DomotzTarget demo;
    int agentId;
    List<Device> devices;

    @BeforeEach
    void target() {
        demo = TestKeys.target(sandbox, TestKeys.DEMO);
        agentId = gateway.listAgents(demo, AgentQuery.ALL).get(1).id();
        devices = gateway.listDevices(demo, agentId, false);
    }

    @Test
    void powersADeviceOffAndOnAgain() {
        Device device = online(d -> gateway.getDevicePowerActions(demo, agentId, d.id()).off());
        DevicePowerActions before = gateway.getDevicePowerActions(demo, agentId, device.id());
        assertTrue(before.off());
        assertFalse(before.on(), "a powered device cannot be switched on");

        gateway.powerActionOnDevice(demo, agentId, device.id(), PowerAction.OFF);
        assertEquals(DeviceStatus.DOWN, gateway.getDevice(demo, agentId, device.id()).status());
        DevicePowerActions off = gateway.getDevicePowerActions(demo, agentId, device.id());
        assertTrue(off.on());
        assertFalse(off.off());
        List<DeviceHistoryEvent> history = gateway.getDeviceStatusHistory(demo, agentId, device.id(),
                Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofMinutes(1)));
        assertEquals(DeviceEventType.DOWN, history.get(history.size() - 1).type(), "the power-off is in the history");

        gateway.powerActionOnDevice(demo, agentId, device.id(), PowerAction.ON);
        assertEquals(DeviceStatus.ONLINE, gateway.getDevice(demo, agentId, device.id()).status());
    }

    @Test
    void refusesAPowerActionTheDeviceDoesNotOffer() {
        Device device = devices.stream().filter(d -> d.kind() != DeviceKind.DUMMY)
                .filter(d -> !gateway.getDevicePowerActions(demo, agentId, d.id()).cycle())
                .findFirst().orElseThrow();
        var refused = assertThrows(DomotzException.BadRequest.class,
                () -> gateway.powerActionOnDevice(demo, agentId, device.id(), PowerAction.CYCLE));
        assertTrue(refused.getMessage().contains("not available"), refused.getMessage());
    }

    @Test
    void credentialsGoThroughPendingToAuthenticatedOrWrong() {
        List<Device> ip = devices.stream().filter(d -> d.kind() == DeviceKind.LOCAL).toList();
        Device good = ip.get(3);
        Device bad = ip.get(4);

        gateway.setCredentials(demo, agentId, good.id(), new DeviceCredentials("admin", "s3cret!"));
        gateway.setCredentials(demo, agentId, bad.id(), new DeviceCredentials("admin", "wrong-password"));
        assertEquals(AuthenticationStatus.PENDING, gateway.getDevice(demo, agentId, good.id()).authenticationStatus());

        assertEquals(AuthenticationStatus.AUTHENTICATED, awaitSettled(good.id()));
        assertEquals(AuthenticationStatus.WRONG_CREDENTIALS, awaitSettled(bad.id()));
    }

    @Test
    void setsSnmpCommunitiesWriteDefaultingToRead() {
        List<Device> ip = devices.stream().filter(d -> d.kind() == DeviceKind.LOCAL).toList();
        gateway.setSnmpCommunity(demo, agentId, ip.get(5).id(), new SnmpCommunity("monitor-ro", null));
        gateway.setSnmpCommunity(demo, agentId, ip.get(6).id(), new SnmpCommunity("monitor-ro", "admin-rw"));

        Device readOnly = gateway.getDevice(demo, agentId, ip.get(5).id());
        assertEquals("monitor-ro", readOnly.details().snmpReadCommunity());
        assertEquals("monitor-ro", readOnly.details().snmpWriteCommunity());
        assertEquals("admin-rw", gateway.getDevice(demo, agentId, ip.get(6).id()).details().snmpWriteCommunity());
    }

    @Test
    void opensARemoteConnectionWithAWorkingLink() {
        Device device = online(d -> d.kind() == DeviceKind.LOCAL);
        ConnectionSession session = gateway.connectToDevice(demo, agentId, device.id(),
                new ConnectionRequest("198.51.100.7", 443, ConnectionProtocol.https));
        assertEquals("198.51.100.7", session.allowedIp());
        assertEquals(443, session.port());
        assertEquals(ConnectionProtocol.https, session.protocol());
        assertTrue(session.expiration().isAfter(Instant.now()));
        RestAssured.given().get(session.link()).then().statusCode(200);

        ConnectionSession tcp = gateway.connectToDevice(demo, agentId, device.id(),
                new ConnectionRequest("0.0.0.0", 22, ConnectionProtocol.tcp));
        assertTrue(tcp.link().startsWith("tcp://"), tcp.link());
        assertTrue(tcp.id() != session.id());
    }

    @Test
    void takesARealJpegSnapshotOfACamera() {
        List<DetectedDeviceType> types = gateway.listDeviceDetectedTypes(demo);
        Set<Integer> cameras = types.stream().filter(t -> t.can("snapshot")).map(DetectedDeviceType::id)
                .collect(Collectors.toSet());
        Device camera = gateway.listAgents(demo, AgentQuery.ALL).stream().filter(a -> a.apiEnabled())
                .flatMap(a -> gateway.listDevices(demo, a.id(), false).stream())
                .filter(d -> d.type() != null && cameras.contains(d.type().detectedId()))
                .filter(d -> d.status() == DeviceStatus.ONLINE && d.authenticationStatus() == null)
                .findFirst().orElseThrow();
        int cameraAgent = agentOf(camera);

        Snapshot snapshot = gateway.onvifSnapshot(demo, cameraAgent, camera.id());
        assertEquals("image/jpeg", snapshot.contentType());
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8}, new byte[] {snapshot.bytes()[0], snapshot.bytes()[1]});
        assertTrue(snapshot.bytes().length > 1000);

        Device notACamera = devices.stream().filter(d -> d.kind() == DeviceKind.EXTERNAL).findFirst().orElseThrow();
        assertThrows(DomotzException.BadRequest.class, () -> gateway.onvifSnapshot(demo, agentId, notACamera.id()));
    }

    @Test
    void readsRtdStatisticsAsNumbers() {
        List<RtdStatistics> stats = gateway.getAgentRTDStats(demo, agentId);
        Set<Integer> ids = devices.stream().map(Device::id).collect(Collectors.toSet());
        assertFalse(stats.isEmpty());
        stats.forEach(s -> {
            assertTrue(ids.contains(s.deviceId()), "statistics only for this agent's devices");
            assertTrue(s.avgMin() <= s.avgMedian() && s.avgMedian() <= s.avgMax(), s.toString());
            assertNotNull(s.latestMedian());
            assertNotNull(s.timestamp());
        });
    }

    @Test
    void readsRtdHistoryAsAStableSeries() {
        int deviceId = devices.get(0).id();
        List<RtdSample> twoHours = gateway.getDeviceRTDHistory(demo, agentId, deviceId, DAY_START,
                DAY_START.plus(Duration.ofHours(2)));
        assertEquals(9, twoHours.size(), "one sample every 15 minutes, both ends included");
        twoHours.forEach(s -> assertTrue(s.min() <= s.median() && s.median() <= s.max(), s.toString()));
        assertEquals(DAY_START, twoHours.get(0).timestamp());

        List<RtdSample> laterHour = gateway.getDeviceRTDHistory(demo, agentId, deviceId,
                DAY_START.plus(Duration.ofHours(1)), DAY_START.plus(Duration.ofHours(3)));
        assertEquals(twoHours.subList(4, 9), laterHour.subList(0, 5), "overlapping windows agree");
    }

    @Test
    void readsDeviceStatusHistoryInsideTheWindow() {
        Instant from = DAY_START.minus(Duration.ofDays(60));
        List<DeviceHistoryEvent> events = gateway.getDeviceStatusHistory(demo, agentId, devices.get(0).id(), from,
                DAY_START);
        assertFalse(events.isEmpty());
        events.forEach(e -> assertTrue(!e.timestamp().isBefore(from) && !e.timestamp().isAfter(DAY_START)));
        assertEquals(events.stream().sorted(Comparator.comparing(DeviceHistoryEvent::timestamp)).toList(), events);
        assertTrue(events.stream().anyMatch(e -> e.type() == DeviceEventType.DOWN));
        events.stream().filter(e -> e.type() == DeviceEventType.IP_CHANGE)
                .forEach(e -> assertFalse(e.details().newIp().isEmpty()));
    }

    @Test
    void readsAgentStatusAndSpeedTestHistories() {
        List<AgentHistoryEvent> events = gateway.getAgentStatusHistory(demo, agentId,
                DAY_START.minus(Duration.ofDays(90)), DAY_START);
        assertTrue(events.stream().anyMatch(e -> e.type() == AgentEventType.CONNECTION_LOST));
        assertTrue(events.stream().anyMatch(e -> e.type() == AgentEventType.CONNECTION_RECOVERED));

        List<SpeedSample> speed = gateway.getSpeedTestHistory(demo, agentId, DAY_START.minus(Duration.ofDays(2)),
                DAY_START);
        assertEquals(9, speed.size(), "a speed test every 6 hours");
        speed.forEach(s -> assertTrue(s.downloadBps() > 1_000_000 && s.uploadBps() > 100_000, s.toString()));
    }

    private AuthenticationStatus awaitSettled(int deviceId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            AuthenticationStatus status = gateway.refreshDevice(demo, agentId, deviceId).authenticationStatus();
            if (status != AuthenticationStatus.PENDING) {
                return status;
            }
            pause();
        }
        return fail("credentials of device " + deviceId + " stayed PENDING");
    }

    /** The poll interval while waiting for the sandbox to judge credentials. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Device online(Predicate<Device> also) {
        return devices.stream().filter(d -> d.status() == DeviceStatus.ONLINE).filter(also).findFirst().orElseThrow();
    }

    private int agentOf(Device device) {
        return gateway.listAgents(demo, AgentQuery.ALL).stream()
                .filter(a -> a.apiEnabled() && gateway.listDevices(demo, a.id(), false).contains(device))
                .findFirst().orElseThrow().id();
    }
}
