package io.sitedeck.alerts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alert profiles: the list, and one-click binding to sites and devices, checked at the sandbox (agent 5027). */
@QuarkusTest
class BindingsTest {

    @Test
    void listsTheProfilesOfTheDomotzUser() {
        Session.withSandbox(Role.VIEWER).get("/alerts").then().statusCode(200)
                .body(containsString("Critical devices down")).body(containsString("<code>device_status</code>"));
    }

    @Test
    void bindsAndUnbindsAProfileToADevice() {
        Session technician = Session.withSandbox(Role.TECHNICIAN);
        String path = "/alerts/profiles/2/agents/5027/devices/109001";
        technician.post(path, Map.of("bound", "true", "back", "/agents/5027/devices/109001")).then().statusCode(303);
        assertTrue(deviceBindings().contains(Map.of("alert_profile_id", 2, "device_id", 109001)));
        technician.get("/agents/5027/devices/109001").then().body(containsString("Unbind"));
        technician.post(path, Map.of("bound", "false")).then().statusCode(303);
        assertFalse(deviceBindings().contains(Map.of("alert_profile_id", 2, "device_id", 109001)));
    }

    @Test
    void bindsAProfileToASiteAndShowsTheDevicesOverview() {
        Session technician = Session.withSandbox(Role.TECHNICIAN);
        technician.post("/alerts/profiles/3/agents/5027", Map.of("bound", "true", "back", "/agents/5027/alerts"))
                .then().statusCode(303);
        assertTrue(given().header("X-Api-Key", Accounts.SANDBOX_KEY).get("/public-api/v1/alert-profile/binding/agent/5027")
                .then().extract().jsonPath().getList("alert_profile_id").contains(3));
        technician.post("/alerts/profiles/1/agents/5027/devices/109000", Map.of("bound", "true")).then().statusCode(303);
        technician.get("/agents/5027/alerts").then().statusCode(200).body(containsString("Bound to the site"))
                .body(containsString("Critical devices down"));

        technician.post("/alerts/profiles/3/agents/5027", Map.of("bound", "false")).then().statusCode(303);
        assertFalse(given().header("X-Api-Key", Accounts.SANDBOX_KEY).get("/public-api/v1/alert-profile/binding/agent/5027")
                .then().extract().jsonPath().getList("alert_profile_id").contains(3));
    }

    @Test
    void bindsWithHtmxAndGetsThePanelBack() {
        Session technician = Session.withSandbox(Role.TECHNICIAN);
        String path = "/alerts/profiles/3/agents/5027/devices/109002";
        technician.htmxPost(path, Map.of("bound", "true")).then().statusCode(200)
                .header("HX-Trigger", "bindingsChanged").body(containsString("class=\"bindings-panel\""))
                .body(containsString("Unbind Network changes")).body(not(containsString("<html")));
        assertTrue(deviceBindings().contains(Map.of("alert_profile_id", 3, "device_id", 109002)));
        technician.htmxPost(path, Map.of("bound", "false")).then().statusCode(200)
                .body(containsString("Bind Network changes"));
        assertFalse(deviceBindings().contains(Map.of("alert_profile_id", 3, "device_id", 109002)));
    }

    @Test
    void theOverviewShowsWhereEachProfileIsBound() {
        Session technician = Session.withSandbox(Role.TECHNICIAN);
        technician.post("/alerts/profiles/4/agents", Map.of("agentId", "5027")).then().statusCode(303);
        technician.post("/alerts/profiles/4/agents/5027/devices/109003", Map.of("bound", "true")).then().statusCode(303);
        technician.get("/alerts").then().statusCode(200).body(containsString("hx-get=\"/alerts/overview\""));
        String overview = technician.htmxGet("/alerts/overview").then().statusCode(200)
                .body(not(containsString("<html"))).extract().asString();
        String profile4 = overview.substring(overview.indexOf("/alerts/profiles/4/"));
        assertTrue(profile4.contains("/agents/5027/alerts"), "the site is listed under profile 4");
        assertTrue(profile4.contains("/agents/5027/devices/109003"), "the device is listed under profile 4");
        assertTrue(overview.contains("Checked 12 of 12 sites"), overview);
        // The site whose API access is off is named, with the reason, instead of failing the page.
        assertTrue(overview.contains("Not readable with this key"), overview);
        // Without JavaScript it is a page of its own.
        technician.get("/alerts/overview").then().statusCode(200).body(containsString("<html"));

        technician.post("/alerts/profiles/4/agents/5027", Map.of("bound", "false")).then().statusCode(303);
        technician.post("/alerts/profiles/4/agents/5027/devices/109003", Map.of("bound", "false")).then().statusCode(303);
        String after = technician.htmxGet("/alerts/overview").then().extract().asString();
        assertFalse(after.contains("/agents/5027/devices/109003\""), "unbound device is gone from the overview");
    }

    @Test
    void refusesUnknownProfilesAndViewers() {
        Session.withSandbox(Role.TECHNICIAN).post("/alerts/profiles/999/agents/5027", Map.of("bound", "true"))
                .then().statusCode(404).body(containsString("Alert profile 999 not found"));
        Session viewer = Session.withSandbox(Role.VIEWER);
        viewer.post("/alerts/profiles/2/agents/5027", Map.of("bound", "true")).then().statusCode(403);
        viewer.get("/agents/5027/devices/109001").then().body(not(containsString(">Bind<")));
    }

    private static List<Map<String, Object>> deviceBindings() {
        return given().header("X-Api-Key", Accounts.SANDBOX_KEY).get("/public-api/v1/alert-profile/binding/agent/5027/device")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}
