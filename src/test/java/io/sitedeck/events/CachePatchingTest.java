package io.sitedeck.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import io.sitedeck.testing.Webhooks;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A webhook changes what the console shows without a Domotz call: the cached device list,
 * device and site list are patched in place. Counted by the sandbox for a key of its own
 * (its own Domotz user, so no other test shares these cache entries).
 */
@QuarkusTest
class CachePatchingTest {

    private static final String KEY = "sandbox-hooks-key";
    private static final int AGENT = 5009;

    @Test
    void aDeviceStatusEventMarksTheDeviceDownInCachedPagesWithoutAnUpstreamCall() {
        Accounts.Member member = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(member, "Hooks", KEY);
        Session session = Session.signIn(member);
        int device = onlineDevice();
        session.get("/agents/" + AGENT).then().statusCode(200);
        session.get("/agents/" + AGENT + "/devices/" + device).then().statusCode(200);
        assertEquals("ONLINE", statusInTable(session.get("/agents/" + AGENT).asString(), device));

        int before = usage();
        Webhooks.post(Webhooks.tokenOf(member.tenantId()), Webhooks.deviceStatus(AGENT, device, "DOWN", Instant.now()))
                .then().statusCode(201);
        assertEquals("DOWN", statusInTable(session.get("/agents/" + AGENT).asString(), device), "the cached list, patched");
        assertEquals(before, usage() - selfCount(), "no Domotz call: the webhook and the site page came from the cache");

        before = usage();
        assertTrue(session.get("/agents/" + AGENT + "/devices/" + device).asString()
                .contains("<span class=\"status status-DOWN\" data-device-status=\"" + device + "\">"), "the cached device, patched");
        assertEquals(before + 1, usage() - selfCount(), "one call: the device's status history, which the event made stale");

        Webhooks.post(Webhooks.tokenOf(member.tenantId()), Webhooks.deviceStatus(AGENT, device, "UP", Instant.now().plusSeconds(1)))
                .then().statusCode(201);
        assertEquals("ONLINE", statusInTable(session.get("/agents/" + AGENT).asString(), device));
    }

    @Test
    void anAgentStatusEventChangesTheSiteInTheCachedSitesList() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "Hooks", KEY);
        Session session = Session.signIn(member);
        session.get("/agents").then().statusCode(200);
        int before = usage();
        Webhooks.post(Webhooks.tokenOf(member.tenantId()), Webhooks.agentStatus(AGENT, "DOWN", Instant.now()))
                .then().statusCode(201);
        String sites = session.get("/agents").asString();
        Matcher row = Pattern.compile("sse-swap=\"agent-" + AGENT + "\"><span class=\"status status-(\\w+)\"").matcher(sites);
        assertTrue(row.find(), "the site's badge is on the list");
        assertEquals("OFFLINE", row.group(1));
        assertEquals(before, usage() - selfCount(), "no Domotz call");
        String name = given().header("X-Api-Key", KEY).get("/public-api/v1/agent/" + AGENT).then().statusCode(200)
                .extract().jsonPath().getString("display_name");
        assertTrue(session.get("/events").asString().contains(">" + name.replace("&", "&amp;").replace("'", "&#39;") + "</a>"),
                "the event is listed under the site's name, as the cached sites list has it");
        Webhooks.post(Webhooks.tokenOf(member.tenantId()), Webhooks.agentStatus(AGENT, "UP", Instant.now().plusSeconds(1)))
                .then().statusCode(201);
    }

    /** The status badge of the device's row in the site's device table. */
    static String statusInTable(String page, int device) {
        Matcher badge = Pattern.compile("sse-swap=\"device-" + AGENT + "-" + device + "\"><span class=\"status status-(\\w+)\"")
                .matcher(page);
        assertTrue(badge.find(), "device " + device + " is in the table");
        return badge.group(1);
    }

    private static int onlineDevice() {
        JsonPath devices = given().header("X-Api-Key", KEY).get("/public-api/v1/agent/" + AGENT + "/device")
                .then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < devices.getList("$").size(); i++) {
            if ("ONLINE".equals(devices.getString("[" + i + "].status")) && !"DUMMY".equals(devices.getString("[" + i + "].protocol"))) {
                return devices.getInt("[" + i + "].id");
            }
        }
        throw new AssertionError("no online device on agent " + AGENT);
    }

    private static int usage() {
        return given().header("X-Api-Key", KEY).get("/public-api/v1/meta/usage").then().statusCode(200)
                .extract().jsonPath().getInt("daily_usage");
    }

    /** Whether reading the usage counts as a call itself (1) or not (0). */
    private static int selfCount() {
        return usage() - usage() == 0 ? 0 : 1;
    }
}
