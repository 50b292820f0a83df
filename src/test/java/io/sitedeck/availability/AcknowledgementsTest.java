package io.sitedeck.availability;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.SandboxApi;
import io.sitedeck.testing.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #18: a technician acknowledges a DOWN device with a note, until it recovers or until a time; the device
 * page says so (and offers no second acknowledgement), it is audited; an UP device cannot be acknowledged; viewers,
 * other tenants and forms without the token change nothing. Agent 5003's devices are only read.
 */
@QuarkusTest
class AcknowledgementsTest {

    private static int device(String status) {
        JsonPath devices = SandboxApi.call().get(SandboxApi.BASE + "/agent/5003/device").then().statusCode(200)
                .extract().jsonPath();
        for (int i = 0; i < devices.getList("$").size(); i++) {
            if (status.equals(devices.getString("[" + i + "].status"))) {
                return devices.getInt("[" + i + "].id");
            }
        }
        throw new AssertionError("no " + status + " device on agent 5003");
    }

    @Test
    void aTechnicianAcknowledgesADownDeviceAndThePageSaysSo() {
        String down = "/agents/5003/devices/" + device("DOWN");
        Accounts.Member tech = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(tech, "Sandbox");
        Session session = Session.signIn(tech);
        session.get(down).then().statusCode(200).body(containsString("Acknowledge…"));

        session.post(down + "/acknowledge", Map.of("note", "ISP ticket <4411>", "until", "")).then().statusCode(303)
                .header("Location", down);
        session.get(down).then().body(containsString("Acknowledged by " + tech.email()))
                .body(containsString("ISP ticket &lt;4411&gt; (until it recovers)")).body(not(containsString("Acknowledge…")));
        assertEquals(List.of("device.acknowledge"), QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "tenantId = ?1 and action = 'device.acknowledge'", tech.tenantId())).stream().map(e -> e.action).toList());

        Session stranger = Session.withSandbox(Role.ADMIN);
        stranger.get(down).then().statusCode(200).body(not(containsString("Acknowledged by")));
    }

    @Test
    void onlyADownDeviceWithANoteAndAFutureTimeByATechnician() {
        String down = "/agents/5003/devices/" + device("DOWN");
        String up = "/agents/5003/devices/" + device("ONLINE");
        Accounts.Member tech = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(tech, "Sandbox");
        Session session = Session.signIn(tech);
        session.post(up + "/acknowledge", Map.of("note", "checking")).then().statusCode(409)
                .body(containsString("Only a DOWN device can be acknowledged"));
        session.post(down + "/acknowledge", Map.of("note", " ")).then().statusCode(400).body(containsString("a few words"));
        session.post(down + "/acknowledge", Map.of("note", "later", "until", "2020-01-01T10:00")).then().statusCode(400)
                .body(containsString("still to come"));
        session.post(down + "/acknowledge", Map.of("note", "later", "until", "tomorrow")).then().statusCode(400)
                .body(containsString("could not be read"));

        Accounts.Member viewer = Accounts.memberOf(tech.tenantId(), Role.VIEWER);
        Accounts.sandboxConnection(viewer, "Sandbox");
        Session.signIn(viewer).post(down + "/acknowledge", Map.of("note", "me too")).then().statusCode(403);
        session.request().contentType("application/x-www-form-urlencoded").formParam("note", "no token")
                .post(down + "/acknowledge").then().statusCode(403);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> DeviceAcknowledgement.count("tenantId", tech.tenantId())));
        Session.signIn(viewer).get(down).then().body(not(containsString("Acknowledge…")));
    }

    @Test
    void untilItRecoversEndsWithTheDownPeriodItWasMadeIn() {
        DeviceAcknowledgement ack = new DeviceAcknowledgement();
        ack.madeAt = Instant.parse("2026-11-10T10:00:00Z");
        Instant now = Instant.parse("2026-11-10T12:00:00Z");
        assertTrue(ack.holds(Instant.parse("2026-11-10T09:30:00Z"), now), "down since before it was made");
        assertFalse(ack.holds(null, now), "the device is not down");
        assertFalse(ack.holds(Instant.parse("2026-11-10T11:00:00Z"), now), "down again since: a new period");
        ack.untilAt = Instant.parse("2026-11-10T13:00:00Z");
        assertTrue(ack.holds(Instant.parse("2026-11-10T11:00:00Z"), now), "until a time covers a later period too");
        assertFalse(ack.holds(Instant.parse("2026-11-10T11:00:00Z"), Instant.parse("2026-11-10T13:00:00Z")));
    }
}
