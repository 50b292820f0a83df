package io.sitedeck.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitedeck.account.Role;
import io.sitedeck.notifications.NotificationSender;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import io.sitedeck.testing.Waits;
import io.sitedeck.testing.Webhooks;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue #19 in Chromium, as an admin does it: add a Teams channel (WireMock stands in for Teams) and a rule for vital
 * devices, then a vital device is switched off in Domotz (the sandbox API); the sandbox sends the webhook, the outbox
 * is sent, Teams receives the card and the log shows the delivery. The agent is the "zznotify" key's own.
 */
@QuarkusTest
class NotificationsInBrowserTest {

    private static final String KEY = "sandbox-notify-key";
    private static final String API = "/public-api/v1";

    @TestHTTPResource("/")
    URL root;

    @Inject
    NotificationSender sender;

    @Test
    void aVitalDeviceSwitchedOffReachesTeamsAndTheLogSaysSo() throws Exception {
        WireMockServer teams = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        teams.start();
        teams.stubFor(post(urlEqualTo("/workflows/noc")).willReturn(aResponse().withStatus(202)));
        int agent = ownAgent();
        int device = vitalSwitchable(agent);
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(admin, "Sandbox", KEY);
        given().header("X-Api-Key", KEY).post(API + "/alert-profile/1/binding/agent/" + agent + "/device/" + device)
                .then().statusCode(204);
        Path folder = Path.of(System.getProperty("sitedeck.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)).newPage();
            page.navigate(root + "notifications");
            Chromium.signIn(page, admin);
            page.getByText("Add a channel…").click();
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).first().fill("NOC Teams");
            page.getByLabel("Kind").selectOption("TEAMS");
            page.getByLabel("Addresses (e-mail) or webhook URL").fill("http://127.0.0.1:" + teams.port() + "/workflows/noc");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the channel")).click();
            assertThat(page.locator(".notice")).containsText("Channel added.");
            assertThat(page.locator("table.channels")).containsText("NOC Teams");

            page.getByText("Add a rule…").click();
            page.locator("form[action='/notifications/rules'] input[name=name]").fill("Vital devices down");
            page.getByLabel("Device status").check();
            page.getByLabel("Vital devices only (site events still match)").check();
            page.locator("form[action='/notifications/rules'] input[name=channels]").check();
            page.getByLabel("Send a DOWN after (minutes)").fill("0");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the rule")).click();
            assertThat(page.locator(".notice")).containsText("Rule added.");
            assertThat(page.locator("table.rules")).containsText("vital devices");

            // The site page reads the device list, so Sitedeck knows the device is vital when its event comes.
            page.navigate(root + "agents/" + agent);
            given().header("X-Api-Key", KEY).post(API + "/agent/" + agent + "/device/" + device + "/action/power/off")
                    .then().statusCode(204);
            Waits.until("the webhook event", () -> !Webhooks.stored(admin.tenantId()).isEmpty());
            assertEquals(1, sender.round(), "the outbox is sent");
            assertEquals(1, teams.findAll(postRequestedFor(urlEqualTo("/workflows/noc"))).size(), "Teams received it");
            String card = teams.findAll(postRequestedFor(urlEqualTo("/workflows/noc"))).get(0).getBodyAsString();
            assertTrue(card.contains("is down"), card);

            page.navigate(root + "notifications/log");
            assertThat(page.locator("table.notification-log tbody tr").first()).containsText("SENT");
            assertThat(page.locator("table.notification-log tbody tr").first()).containsText("NOC Teams");
            assertThat(page.locator("table.notification-log tbody tr").first()).containsText("Vital devices down");
            page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("notifications-log.png")));
        } finally {
            given().header("X-Api-Key", KEY).post(API + "/agent/" + agent + "/device/" + device + "/action/power/on");
            given().header("X-Api-Key", KEY).delete(API + "/alert-profile/1/binding/agent/" + agent + "/device/" + device);
            teams.stop();
        }
    }

    /** The agent only this key's Domotz user sees. */
    private static int ownAgent() {
        JsonPath agents = given().header("X-Api-Key", KEY).get(API + "/agent").then().statusCode(200).extract().jsonPath();
        int own = agents.getList("id", Integer.class).stream().max(Integer::compare).orElseThrow();
        assertTrue(own > 5033, "the key has an agent of its own: " + own);
        return own;
    }

    private static int vitalSwitchable(int agent) {
        JsonPath devices = given().header("X-Api-Key", KEY).get(API + "/agent/" + agent + "/device").then().extract().jsonPath();
        for (int i = 0; i < devices.getList("$").size(); i++) {
            int id = devices.getInt("[" + i + "].id");
            if ("VITAL".equals(devices.getString("[" + i + "].importance")) && "ONLINE".equals(devices.getString("[" + i + "].status"))
                    && given().header("X-Api-Key", KEY).get(API + "/agent/" + agent + "/device/" + id + "/action/power")
                    .then().extract().jsonPath().getBoolean("off")) {
                return id;
            }
        }
        throw new AssertionError("agent " + agent + " has no vital device that can be switched off");
    }
}
