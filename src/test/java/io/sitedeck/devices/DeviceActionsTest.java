package io.sitedeck.devices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Device actions from the console, checked at the sandbox afterwards: edits, power, hide, delete,
 * and the refusals (viewer, no CSRF token, bad values, no confirmation, double submit).
 * Agent 5015 (index 5) is this test's own.
 */
@QuarkusTest
class DeviceActionsTest {

    private static final String AGENT = "/agents/5015/devices/";

    Session technician;

    @BeforeEach
    void signIn() {
        technician = Session.withSandbox(Role.TECHNICIAN);
    }

    @Test
    void editsEveryFieldAndDomotzHasTheNewValues() {
        Map<String, String> edits = Map.of("name", "Front door camera", "vendor", "Acme", "model", "X1", "type", "5",
                "importance", "floating", "zone", "Lobby", "room", "Entrance");
        edits.forEach((field, value) -> technician.post(AGENT + "105004/fields/" + field, Map.of("value", value))
                .then().statusCode(303));
        JsonPath device = sandbox("105004");
        assertEquals("Front door camera", device.getString("user_data.name"));
        assertEquals("Acme", device.getString("user_data.vendor"));
        assertEquals("X1", device.getString("user_data.model"));
        assertEquals(5, device.getInt("user_data.type"));
        assertEquals("FLOATING", device.getString("importance"));
        assertEquals("Lobby", device.getString("details.zone"));
        assertEquals("Entrance", device.getString("details.room"));
        technician.get(AGENT + "105004").then().body(containsString("Front door camera"));
    }

    @Test
    void refusesBadValuesWithAMessage() {
        String before = sandbox("105006").getString("importance");
        technician.post(AGENT + "105006/fields/importance", Map.of("value", "URGENT")).then().statusCode(400)
                .body(containsString("VITAL or FLOATING"));
        technician.post(AGENT + "105006/fields/type", Map.of("value", "9999")).then().statusCode(409)
                .body(containsString("not a known base type"));
        technician.post(AGENT + "105006/fields/colour", Map.of("value", "red")).then().statusCode(404);
        assertEquals(before, sandbox("105006").getString("importance"));
    }

    @Test
    void powersOffOnlyWhenConfirmedAndOnlyOnce() {
        String device = poweredDevice();
        technician.post(AGENT + device + "/power/off", Map.of("once", UUID.randomUUID().toString())).then()
                .statusCode(400).body(containsString("Confirm"));
        assertEquals("ONLINE", sandbox(device).getString("status"));

        String once = UUID.randomUUID().toString();
        technician.post(AGENT + device + "/power/off", Map.of("confirm", "yes", "once", once)).then().statusCode(303);
        assertEquals("DOWN", sandbox(device).getString("status"));
        technician.post(AGENT + device + "/power/on", Map.of("once", UUID.randomUUID().toString())).then()
                .statusCode(303);
        technician.post(AGENT + device + "/power/off", Map.of("confirm", "yes", "once", once)).then().statusCode(409)
                .body(containsString("already done"));
        assertEquals("ONLINE", sandbox(device).getString("status"), "the repeated submit did nothing");

        // A form without its one-time token is malformed, not "already done".
        technician.post(AGENT + device + "/power/off", Map.of("confirm", "yes")).then().statusCode(400)
                .body(containsString("missing its one-time token"));
        assertEquals("ONLINE", sandbox(device).getString("status"));
    }

    @Test
    void editsInPlaceWithHtmx() {
        technician.htmxPost(AGENT + "105009/fields/name", Map.of("value", "Reception printer")).then().statusCode(200)
                .header("HX-Trigger", "deviceChanged")
                .body(containsString("value=\"Reception printer\"")).body(containsString("Saved."))
                .body(not(containsString("<html")));
        assertEquals("Reception printer", sandbox("105009").getString("user_data.name"));
        // The summary panel the event refreshes reads Domotz again: the new name is in the heading.
        technician.htmxGet(AGENT + "105009/panels/summary").then().statusCode(200)
                .body(containsString("<h1>Reception printer"));
    }

    @Test
    void anHtmxEditShowsTheErrorNextToTheField() {
        String before = sandbox("105010").getString("importance");
        // Our refusal keeps what was typed, to be corrected.
        technician.htmxPost(AGENT + "105010/fields/importance", Map.of("value", "urgent")).then().statusCode(422)
                .body(containsString("aria-invalid=\"true\"")).body(containsString("VITAL or FLOATING"));
        technician.htmxPost(AGENT + "105010/fields/name", Map.of("value", "x".repeat(300))).then().statusCode(422)
                .body(containsString("At most 255 characters")).body(containsString("x".repeat(300)));
        // Domotz's refusal shows the value Domotz still has, with its reason.
        String typeBefore = sandbox("105010").getString("user_data.type");
        technician.htmxPost(AGENT + "105010/fields/type", Map.of("value", "9999")).then().statusCode(422)
                .body(containsString("not a known base type")).body(not(containsString("value=\"9999\" selected")));
        assertEquals(before, sandbox("105010").getString("importance"));
        assertEquals(typeBefore, sandbox("105010").getString("user_data.type"));
    }

    @Test
    void powersWithHtmxAndThePanelsShowTheNewState() {
        String device = poweredDevice();
        technician.htmxPost(AGENT + device + "/power/off", Map.of("confirm", "yes", "once", UUID.randomUUID().toString()))
                .then().statusCode(200).header("HX-Trigger", "deviceChanged")
                .body(containsString("Power off: Domotz accepted it"));
        assertEquals("DOWN", sandbox(device).getString("status"));
        technician.htmxGet(AGENT + device + "/panels/summary").then().statusCode(200)
                .body(containsString("status-DOWN"));
        // Domotz offers "on" now; the power panel follows it.
        technician.htmxGet(AGENT + device + "/panels/power").then().statusCode(200)
                .body(containsString("/power/on")).body(containsString("Hide…"));
        technician.htmxPost(AGENT + device + "/power/on", Map.of("once", UUID.randomUUID().toString())).then()
                .statusCode(200);
        assertEquals("ONLINE", sandbox(device).getString("status"));
        technician.htmxGet(AGENT + device + "/panels/nonsense").then().statusCode(404);
    }

    @Test
    void hidesOnlyDownDevicesAndDeletes() {
        technician.post(AGENT + "105000/hide", Map.of("confirm", "yes", "once", UUID.randomUUID().toString()))
                .then().statusCode(409).body(containsString("Only DOWN devices can be hidden"));
        technician.post(AGENT + "105002/hide", Map.of("confirm", "yes", "once", UUID.randomUUID().toString()))
                .then().statusCode(303);
        assertEquals("HIDDEN", sandbox("105002").getString("status"));
        technician.post(AGENT + "105003/delete", Map.of("confirm", "yes", "once", UUID.randomUUID().toString()))
                .then().statusCode(303);
        given().header("X-Api-Key", Accounts.SANDBOX_KEY).get("/public-api/v1/agent/5015/device/105003")
                .then().statusCode(404);
    }

    @Test
    void viewersAndForgedFormsChangeNothing() {
        String before = sandbox("105007").getString("user_data.name");
        Session.withSandbox(Role.VIEWER).post(AGENT + "105007/fields/name", Map.of("value", "Pwned")).then()
                .statusCode(403);
        technician.request().contentType(ContentType.URLENC).formParam("value", "Forged")
                .post(AGENT + "105007/fields/name").then().statusCode(403);
        assertEquals(before, sandbox("105007").getString("user_data.name"));
    }

    @Test
    void theDevicePageOffersTheActionsToTechniciansOnly() {
        technician.get(AGENT + "105000").then().body(containsString("Edit name, vendor"))
                .body(containsString("Delete…"));
        Session.withSandbox(Role.VIEWER).get(AGENT + "105000").then()
                .body(org.hamcrest.Matchers.not(containsString("Delete…")));
    }

    private static String poweredDevice() {
        for (int n = 8; n < 40; n++) {
            String id = String.valueOf(105_000 + n);
            JsonPath actions = given().header("X-Api-Key", Accounts.SANDBOX_KEY)
                    .get("/public-api/v1/agent/5015/device/" + id + "/action/power").then().extract().jsonPath();
            if (actions.getBoolean("off") && "ONLINE".equals(sandbox(id).getString("status"))) {
                return id;
            }
        }
        throw new AssertionError("agent 5015 has no device that can be powered off");
    }

    private static JsonPath sandbox(String deviceId) {
        return given().header("X-Api-Key", Accounts.SANDBOX_KEY).get("/public-api/v1/agent/5015/device/" + deviceId)
                .then().statusCode(200).extract().jsonPath();
    }
}
