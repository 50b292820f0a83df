package io.sitedeck.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.sitedeck.account.Role;
import io.sitedeck.events.StoredEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.SandboxApi;
import io.sitedeck.testing.SandboxOwnership;
import io.sitedeck.testing.SandboxOwnershipGuard;
import io.sitedeck.testing.Waits;
import io.sitedeck.testing.Webhooks;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each change the simulator makes is real (the API then reports it) and raises its documented
 * event for the bound profiles. Agent 5018 (this test's own) and its first LAN device; profiles 1–4 are bound for
 * the test and unbound after it, so the simulator's later "back to normal" events go nowhere.
 */
@QuarkusTest
class SandboxSimulatorTest {

    private static final int AGENT = 5018;
    private static final String API = "/public-api/v1";
    private static final List<String> BINDINGS = List.of("/alert-profile/1/binding/agent/5018/device/%d",
            "/alert-profile/2/binding/agent/5018/device/%d", "/alert-profile/3/binding/agent/5018/device/%d",
            "/alert-profile/3/binding/agent/5018", "/alert-profile/4/binding/agent/5018");

    @Inject
    SandboxSimulator simulator;

    @Inject
    SandboxWorld world;

    @Inject
    SandboxOwnershipGuard ownership;

    Accounts.Member member;
    SandboxAgent agent;
    SandboxDevice device;

    @BeforeEach
    void bind() {
        // The simulator changes the agent in-process: its devices' states, its list (a discovery).
        ownership.claimInProcess(SandboxOwnership.Part.allDevices(AGENT));
        member = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(member, "Sandbox");
        agent = world.agent(AGENT);
        device = world.onDevices(agent, devices -> devices.values().stream()
                .filter(d -> d.kind == SandboxDevice.Kind.LOCAL && "ONLINE".equals(d.status))
                .findFirst().orElseThrow());
        BINDINGS.forEach(path -> sandbox().post(API + String.format(path, device.id)).then().statusCode(204));
    }

    @AfterEach
    void unbind() {
        BINDINGS.forEach(path -> sandbox().delete(API + String.format(path, device.id)));
        world.onDevices(agent, devices -> device.changeStatus("ONLINE", Instant.now()));
        synchronized (agent) {
            agent.status = "ONLINE";
        }
    }

    @Test
    void aStatusFlapTakesTheDeviceDown() throws Exception {
        simulator.statusFlap(device);
        StoredEvent event = awaitEvent("device_status");
        assertEquals("DOWN", event.state);
        assertEquals("DOWN", apiDevice().getString("status"));
    }

    @Test
    void anIpChangeIsWhatTheApiThenReports() throws Exception {
        String before = apiDevice().getString("ip_addresses[0]");
        simulator.ipChange(device);
        JsonPath body = JsonPath.from(awaitEvent("device_ip_change").body);
        assertEquals(List.of(before), body.getList("data.old_ip_addresses"));
        assertEquals(apiDevice().getList("ip_addresses"), body.getList("data.value"));
        assertTrue(!before.equals(apiDevice().getString("ip_addresses[0]")), "a new address");
    }

    @Test
    void rtdAndSpeedIssuesCarryValuesAndThresholds() throws Exception {
        simulator.rtdIssue(device);
        JsonPath rtd = JsonPath.from(awaitEvent("device_rtd").body);
        assertEquals("RTD_ISSUE_DETECTED", rtd.getString("data.status"));
        assertTrue(rtd.getInt("data.value.latency") > rtd.getInt("data.threshold.latency"));

        simulator.speedIssue(agent);
        JsonPath speed = JsonPath.from(awaitEvent("agent_speed_test").body);
        assertEquals("SPEED_TEST_ISSUE_DETECTED", speed.getString("data.status"));
        assertTrue(speed.getInt("data.value.download") < speed.getInt("data.threshold.download"));
    }

    @Test
    void aDiscoveredDeviceIsListedAndASiteOutageShows() throws Exception {
        simulator.discovery(agent);
        int discovered = JsonPath.from(awaitEvent("agent_device_discovery").body).getInt("data.device_id");
        List<Integer> listed = sandbox().get(API + "/agent/" + AGENT + "/device").then().statusCode(200)
                .extract().jsonPath().getList("id", Integer.class);
        assertTrue(listed.contains(discovered), "the API lists the new device " + discovered);

        simulator.agentFlap(agent);
        assertEquals("DOWN", awaitEvent("agent_status").state);
        assertEquals("OFFLINE", sandbox().get(API + "/agent/" + AGENT).then().statusCode(200)
                .extract().jsonPath().getString("status.value"));
    }

    private StoredEvent awaitEvent(String name) throws InterruptedException {
        Waits.until(name, () -> Webhooks.stored(member.tenantId()).stream().anyMatch(e -> e.name.equals(name)));
        return Webhooks.stored(member.tenantId()).stream().filter(e -> e.name.equals(name)).findFirst().orElseThrow();
    }

    private JsonPath apiDevice() {
        return sandbox().get(API + "/agent/" + AGENT + "/device/" + device.id).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification sandbox() {
        return SandboxApi.call();
    }
}
