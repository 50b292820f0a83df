package io.sitedeck.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Domotz mutations need TECHNICIAN or ADMIN on the server, whatever the browser sends. */
@QuarkusTest
class RoleEnforcementTest {

    private static final String RENAME = "/agents/5009/devices/103007/fields/name";

    @Test
    void aViewerCannotRenameADeviceEvenByCraftingTheRequest() {
        String before = sandboxName();
        Accounts.Member viewer = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(viewer, "Sandbox");
        Session.signIn(viewer).post(RENAME, Map.of("value", "Pwned")).then().statusCode(403);
        assertEquals(before, sandboxName(), "the sandbox never saw the change");
    }

    @Test
    void aTechnicianRenamesADeviceAndTheAuditLogSaysSo() {
        Accounts.Member technician = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(technician, "Sandbox");
        Session.signIn(technician).post(RENAME, Map.of("value", "Reception printer")).then().statusCode(303);
        assertEquals("Reception printer", sandboxName());
        AuditEvent event = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "tenantId = ?1 and action = 'device.edit'", technician.tenantId()).firstResult());
        assertTrue(event.outcome.startsWith("ok"), event.outcome);
        assertTrue(event.target.contains("device 103007"), event.target);
    }

    @Test
    void anUpstreamRefusalIsReportedAndAudited() {
        Accounts.Member technician = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(technician, "Sandbox");
        Session.signIn(technician).post("/agents/5009/devices/42/fields/name", Map.of("value", "Ghost")).then().statusCode(404);
        AuditEvent event = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "tenantId = ?1 and action = 'device.edit'", technician.tenantId()).firstResult());
        assertTrue(event.outcome.startsWith("failed"), event.outcome);
    }

    private static String sandboxName() {
        return given().header("X-Api-Key", Accounts.SANDBOX_KEY).get("/public-api/v1/agent/5009/device/103007")
                .then().statusCode(200).extract().jsonPath().getString("user_data.name");
    }
}
