package io.sitedeck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.sitedeck.account.Role;
import io.sitedeck.events.LiveEvents;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import io.sitedeck.testing.SandboxApi;
import io.sitedeck.testing.Waits;
import io.sitedeck.testing.Webhooks;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live state in Chromium: with a site page open, a device is switched off in Domotz (the sandbox
 * API, as someone in the Domotz portal would); the sandbox sends the webhook for the bound
 * profile, and the device's badge turns DOWN without the page reloading. The Events page gets
 * the new row at the top the same way. Uses the last switchable device of agent 5006 (no other test changes it).
 */
@QuarkusTest
class LiveInBrowserTest {

    private static final int AGENT = 5006;
    private static final String API = "/public-api/v1";
    private static final LocatorAssertions.HasTextOptions WAIT = new LocatorAssertions.HasTextOptions().setTimeout(15_000);

    @TestHTTPResource("/")
    URL root;

    @Inject
    LiveEvents live;

    Chromium chromium;
    Page page;
    Accounts.Member member;
    int device;

    @BeforeEach
    void launch() {
        member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "Sandbox");
        device = lastSwitchableDevice();
        sandbox().post(API + "/alert-profile/1/binding/agent/" + AGENT + "/device/" + device).then().statusCode(204);
        chromium = new Chromium();
        page = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
    }

    @AfterEach
    void close() {
        sandbox().delete(API + "/alert-profile/1/binding/agent/" + AGENT + "/device/" + device);
        sandbox().post(API + "/agent/" + AGENT + "/device/" + device + "/action/power/on");
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aDeviceSwitchedOffInDomotzTurnsDownOnTheOpenSitePageWithoutAReload() throws Exception {
        Locator badge = openSitePage();

        sandbox().post(API + "/agent/" + AGENT + "/device/" + device + "/action/power/off").then().statusCode(204);

        assertThat(badge).hasText("DOWN", WAIT);
        assertThat(badge).hasClass("status status-DOWN");
        assertEquals("same page", page.evaluate("() => window.sitedeckMarker"), "no reload");
        badge.scrollIntoViewIfNeeded();
        screenshot("live-site.png");

        // The Events page, open in another tab, gets the device's next event at the top.
        int beforeEventsPage = live.openStreams();
        Page events = page.context().newPage();
        events.navigate(root + "events");
        assertThat(events.locator("#event-rows tr").first()).containsText("Device DOWN");
        events.evaluate("() => { window.sitedeckMarker = 'same page'; }");
        Waits.until("the events page's two streams (badges, rows)", () -> live.openStreams() >= beforeEventsPage + 2);
        sandbox().post(API + "/agent/" + AGENT + "/device/" + device + "/action/power/on").then().statusCode(204);
        assertThat(events.locator("#event-rows tr").first()).containsText("Device UP", new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertEquals("same page", events.evaluate("() => window.sitedeckMarker"));
        events.screenshot(new Page.ScreenshotOptions().setPath(Path.of(System.getProperty("sitedeck.screenshots",
                "target/screenshots")).resolve("events.png")));
        assertThat(badge).hasText("ONLINE", WAIT);
    }

    @Test
    void aPageWhoseConnectionDroppedCatchesUpOnWhatItMissed() throws Exception {
        Locator badge = openSitePage();

        // The connection drops (as in a restart or a network blip); the browser reconnects after a
        // few seconds. Meanwhile the device goes down, and its event is stored with no stream open.
        live.closeAll();
        sandbox().post(API + "/agent/" + AGENT + "/device/" + device + "/action/power/off").then().statusCode(204);
        Waits.until("the event", () -> !Webhooks.stored(member.tenantId()).isEmpty());
        assertEquals(0, live.openStreams(), "the page was not connected when the event came in");

        assertThat(badge).hasText("DOWN", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertEquals("same page", page.evaluate("() => window.sitedeckMarker"), "caught up without a reload");
    }

    /** Signs in to the site page (every device on one page), marks the window, waits for its live stream; the device's badge. */
    private Locator openSitePage() throws InterruptedException {
        int streams = live.openStreams();
        String site = "agents/" + AGENT + "?size=200";
        page.navigate(root + site);
        Chromium.signIn(page, member);
        page.waitForURL(root + site);
        page.evaluate("() => { window.sitedeckMarker = 'same page'; }");
        Locator badge = page.locator("[sse-swap='device-" + AGENT + "-" + device + "'] .status");
        assertThat(badge).hasText("ONLINE");
        Waits.until("the page's live stream", () -> live.openStreams() > streams);
        return badge;
    }

    private void screenshot(String name) {
        Path folder = Path.of(System.getProperty("sitedeck.screenshots", "target/screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name)));
    }

    /** The last one, so that it is not one of those the sandbox webhook tests switch. */
    private static int lastSwitchableDevice() {
        List<Integer> found = SandboxApi.switchableDevices(AGENT, Set.of());
        assertTrue(!found.isEmpty(), "agent " + AGENT + " has an online device that can be switched off");
        return found.get(found.size() - 1);
    }

    private static RequestSpecification sandbox() {
        return SandboxApi.call();
    }
}
