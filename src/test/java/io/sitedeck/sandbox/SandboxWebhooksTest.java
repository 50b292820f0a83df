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
import io.sitedeck.testing.Waits;
import io.sitedeck.testing.Webhooks;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox sends a webhook only to profiles bound to what changed, whose event list has the
 * event, at their target — here the embedded default, the console's own team URLs. Agent 5033
 * (which starts with no bindings) is this test's, but for devices 111010–111011 (AnnotationsTest's).
 */
@QuarkusTest
class SandboxWebhooksTest {

    private static final int AGENT = 5033;
    private static final String API = "/public-api/v1";
    /** Bindings and powered-off devices this test made, undone after it. */
    private final List<Runnable> undo = new ArrayList<>();

    @Inject
    SandboxWebhooks webhooks;

    @AfterEach
    void undo() {
        undo.forEach(Runnable::run);
        undo.clear();
    }

    @Test
    void aPowerOffSendsDeviceStatusOnlyForTheDeviceWhoseProfileWatchesIt() throws Exception {
        Accounts.Member member = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(member, "Sandbox");
        List<Integer> devices = powerSwitchable(3);
        int watched = devices.get(0);
        int unbound = devices.get(1);
        int otherEvents = devices.get(2);
        bind("/alert-profile/1/binding/agent/" + AGENT + "/device/" + watched); // device_status, heartbeat
        bind("/alert-profile/2/binding/agent/" + AGENT + "/device/" + otherEvents); // RTD and TCP only
        bind("/alert-profile/4/binding/agent/" + AGENT); // agent events only

        for (int device : List.of(unbound, otherEvents, watched)) {
            sandbox().post(API + "/agent/" + AGENT + "/device/" + device + "/action/power/off").then().statusCode(204);
            undo.add(() -> sandbox().post(API + "/agent/" + AGENT + "/device/" + device + "/action/power/on"));
        }
        Waits.until("the watched device's event", () -> !events(member, watched).isEmpty());
        // Had the others been sent, they would be delivered (or still counted in progress) by now.
        Waits.until("every delivery settled", () -> webhooks.deliveriesInProgress() == 0);
        assertEquals(List.of(), events(member, unbound), "no profile is bound to it");
        assertEquals(List.of(), events(member, otherEvents), "its profile does not watch device_status");
        List<StoredEvent> sent = events(member, watched);
        assertEquals(1, sent.size());
        JsonPath body = JsonPath.from(sent.get(0).body);
        assertEquals("device_status", body.getString("name"));
        assertEquals("DOWN", body.getString("data.value"));
        assertEquals(AGENT, body.getInt("data.agent_id"));
        assertEquals(watched, body.getInt("data.device_id"));
        assertTrue(body.getString("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), body.getString("timestamp"));
        assertEquals(3, body.getMap("$").size(), "name, timestamp and data, as documented");

        sandbox().post(API + "/agent/" + AGENT + "/device/" + watched + "/action/power/on").then().statusCode(204);
        Waits.until("the UP event", () -> events(member, watched).size() == 2);
        assertEquals("UP", events(member, watched).get(1).state);
    }

    @Test
    void everyTeamConnectedToTheEmbeddedSandboxGetsTheEventAndAnUnboundProfileSendsNothing() throws Exception {
        Accounts.Member one = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(one, "Sandbox");
        Accounts.Member two = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(two, "Sandbox");
        int device = powerSwitchable(4).get(3);
        bind("/alert-profile/1/binding/agent/" + AGENT + "/device/" + device);
        switchOffAndOn(device);
        Waits.until("DOWN and UP at both teams", () -> events(one, device).size() == 2 && events(two, device).size() == 2);
        // Both deliveries run at once, so they may be stored in either order.
        assertEquals(Set.of("DOWN", "UP"), events(one, device).stream().map(e -> e.state).collect(Collectors.toSet()));

        // Unbound again: the next change sends nothing.
        sandbox().delete(API + "/alert-profile/1/binding/agent/" + AGENT + "/device/" + device).then().statusCode(204);
        switchOffAndOn(device);
        Waits.until("every delivery settled", () -> webhooks.deliveriesInProgress() == 0);
        assertEquals(2, events(one, device).size());
    }

    private void bind(String path) {
        sandbox().post(API + path).then().statusCode(204);
        undo.add(() -> sandbox().delete(API + path));
    }

    private static void switchOffAndOn(int device) {
        sandbox().post(API + "/agent/" + AGENT + "/device/" + device + "/action/power/off").then().statusCode(204);
        sandbox().post(API + "/agent/" + AGENT + "/device/" + device + "/action/power/on").then().statusCode(204);
    }

    private static List<StoredEvent> events(Accounts.Member member, int device) {
        return Webhooks.stored(member.tenantId()).stream().filter(e -> e.deviceId != null && e.deviceId == device).toList();
    }

    /** Online devices of the agent that can be switched off (not the two the notes test uses). */
    private static List<Integer> powerSwitchable(int count) {
        List<Integer> found = SandboxApi.switchableDevices(AGENT, Set.of(111010, 111011));
        assertTrue(found.size() >= count, "agent " + AGENT + " has " + count + " devices that can be switched off");
        return found.subList(0, count);
    }

    private static RequestSpecification sandbox() {
        return SandboxApi.call();
    }
}
