package io.sitedeck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import io.sitedeck.testing.Waits;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Domotz actions as a technician does them in Chromium, each without leaving the page (a marker
 * set on the window before the action is still there after it): an inline rename, a confirmed
 * power cycle, binding and unbinding an alert profile, a camera snapshot and its refresh.
 * Agent 5030 (index 10) is this test's own; the sandbox is checked after each action.
 */
@QuarkusTest
class ActionsInBrowserTest {

    private static final int AGENT = 5030;

    @TestHTTPResource("/")
    URL root;

    Chromium chromium;
    Page page;
    Accounts.Member member;

    @BeforeEach
    void launch() {
        member = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(member, "Sandbox");
        chromium = new Chromium();
        page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
    }

    @AfterEach
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void renamesADeviceInPlace() {
        openSignedIn("agents/" + AGENT + "/devices/110003");
        page.getByText("Edit name, vendor, model").click();
        page.locator("#field-name").fill("Reception printer – 2nd floor");
        page.locator("form.field-edit:has(#field-name)").getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save")).click();

        assertThat(page.locator("#field-name-note")).hasText("Saved.");
        // The summary panel refreshed itself on deviceChanged, from Domotz.
        assertThat(page.locator("#device-summary h1")).containsText("Reception printer – 2nd floor");
        assertStillTheSamePage();
        assertEquals("Reception printer – 2nd floor", device("110003").getString("user_data.name"));
    }

    @Test
    void powerCyclesADeviceAfterAConfirmationThatNamesIt() {
        String id = deviceOffering("cycle");
        openSignedIn("agents/" + AGENT + "/devices/" + id);
        String name = page.locator("#device-summary h1").textContent().split(" ONLINE")[0].trim();
        Instant before = Instant.now().minusSeconds(1);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Power cycle…")).click();
        var confirmation = page.locator("details.confirm[open] form");
        assertThat(confirmation).containsText("Power cycle " + name + " at ");
        assertThat(confirmation).containsText(siteName());
        confirmation.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Yes, power cycle")).click();

        assertThat(page.locator("#action-result")).containsText("Power cycle: Domotz accepted it");
        assertThat(page.locator("#device-summary .status")).hasText("ONLINE");
        assertStillTheSamePage();
        Instant changed = Instant.parse(device(id).getString("last_status_change"));
        assertTrue(changed.isAfter(before), "the sandbox saw the cycle: status changed at " + changed);
        screenshot("device-actions.png");
    }

    @Test
    void bindsAndUnbindsAnAlertProfileWithOneClickEach() throws InterruptedException {
        openSignedIn("agents/" + AGENT + "/devices/110004");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bind Latency watch")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unbind Latency watch")))
                .isVisible();
        Waits.until("the binding in Domotz", () -> boundToDevice(2, 110004));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unbind Latency watch")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bind Latency watch")))
                .isVisible();
        // The panel may show "Bind" from its own reload before the unbind's answer: wait for Domotz's state.
        Waits.until("the unbinding in Domotz", () -> !boundToDevice(2, 110004));
        assertStillTheSamePage();
    }

    @Test
    void opensACameraSnapshotAndRefreshesIt() {
        openSignedIn("agents/" + readyCamera());
        var image = page.locator("#device-snapshot img");
        waitForPicture();
        String first = image.getAttribute("src");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh snapshot")).click();
        page.waitForFunction("first => document.querySelector('#device-snapshot img').getAttribute('src') !== first",
                first);
        waitForPicture();
        assertNotEquals(first, image.getAttribute("src"));
        assertThat(page.locator("#device-snapshot figcaption")).containsText("Taken at");
        assertStillTheSamePage();
    }

    private void openSignedIn(String path) {
        page.navigate(root + path);
        Chromium.signIn(page, member);
        page.waitForURL(root + path);
        page.evaluate("() => { window.sitedeckMarker = 'same page'; }");
    }

    /** A reload or navigation would have dropped the marker set after sign-in. */
    private void assertStillTheSamePage() {
        assertEquals("same page", page.evaluate("() => window.sitedeckMarker"));
    }

    private void waitForPicture() {
        page.waitForFunction("() => { const i = document.querySelector('#device-snapshot img');"
                + " return i && i.complete && i.naturalWidth > 0; }");
    }

    private String siteName() {
        return given().header("X-Api-Key", Accounts.SANDBOX_KEY).get("/public-api/v1/agent/" + AGENT)
                .then().extract().jsonPath().getString("display_name");
    }

    private String deviceOffering(String action) {
        for (int n = 6; n < 40; n++) {
            String id = String.valueOf(110_000 + n);
            JsonPath power = given().header("X-Api-Key", Accounts.SANDBOX_KEY)
                    .get("/public-api/v1/agent/" + AGENT + "/device/" + id + "/action/power").then().extract().jsonPath();
            if (power.getBoolean(action) && "ONLINE".equals(device(id).getString("status"))) {
                return id;
            }
        }
        throw new AssertionError("agent " + AGENT + " has no online device offering " + action);
    }

    /** "agentId/devices/deviceId" of an online camera without a lock, preferring this test's agent. */
    private static String readyCamera() {
        for (int agent : new int[] {AGENT, 5033, 5000, 5003, 5006, 5009, 5018}) {
            List<Map<String, Object>> devices = given().header("X-Api-Key", Accounts.SANDBOX_KEY)
                    .get("/public-api/v1/agent/" + agent + "/device").then().extract().jsonPath().getList("$");
            for (Map<String, Object> d : devices) {
                boolean camera = d.get("type") instanceof Map<?, ?> t && (Integer.valueOf(107).equals(t.get("detected_id"))
                        || Integer.valueOf(108).equals(t.get("detected_id")));
                if (camera && "ONLINE".equals(d.get("status")) && d.get("authentication_status") == null) {
                    return agent + "/devices/" + d.get("id");
                }
            }
        }
        throw new AssertionError("no ready camera in the sandbox");
    }

    private static boolean boundToDevice(int profile, int deviceId) {
        List<Map<String, Object>> bindings = given().header("X-Api-Key", Accounts.SANDBOX_KEY)
                .get("/public-api/v1/alert-profile/binding/agent/" + AGENT + "/device").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return bindings.contains(Map.of("alert_profile_id", profile, "device_id", deviceId));
    }

    private static JsonPath device(String id) {
        return given().header("X-Api-Key", Accounts.SANDBOX_KEY).get("/public-api/v1/agent/" + AGENT + "/device/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private void screenshot(String name) {
        Path folder = Path.of(System.getProperty("sitedeck.screenshots", "target/screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name)));
    }
}
