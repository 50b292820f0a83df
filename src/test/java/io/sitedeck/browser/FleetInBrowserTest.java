package io.sitedeck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.events.LiveEvents;
import io.sitedeck.fleet.FleetCrawler;
import io.sitedeck.fleet.FleetDevice;
import io.sitedeck.fleet.FleetSite;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import io.sitedeck.testing.SandboxApi;
import io.sitedeck.testing.Waits;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NOC page and the header's search in Chromium: the crawler has indexed the sites; the tile of
 * a site and the "down now" list change without a reload when a device is switched off in Domotz
 * (the sandbox sends the webhook); typing an address in the header finds a device of another site
 * and opens it. Switches the last switchable device of agent 5009 (other classes change only its devices 103002 and 103007).
 */
@QuarkusTest
class FleetInBrowserTest {

    private static final int AGENT = 5009;
    private static final String KEY = "sandbox-fleet-h-key";
    private static final String API = SandboxApi.BASE;
    private static final LocatorAssertions.HasTextOptions WAIT = new LocatorAssertions.HasTextOptions().setTimeout(15_000);

    @TestHTTPResource("/")
    URL root;

    @Inject
    FleetCrawler crawler;

    @Inject
    LiveEvents live;

    Chromium chromium;
    Page page;
    Accounts.Member member;
    int device;

    @BeforeEach
    void launch() {
        member = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(member, "Sandbox", KEY);
        List<Integer> switchable = SandboxApi.switchableDevices(AGENT, Set.of());
        assertTrue(!switchable.isEmpty(), "agent " + AGENT + " has a device that can be switched off");
        device = switchable.get(switchable.size() - 1);
        SandboxApi.call().post(API + "/alert-profile/1/binding/agent/" + AGENT + "/device/" + device).then().statusCode(204);
        String scope = DomotzTarget.embedded(URI.create("http://127.0.0.1:1" + API), KEY, null).indexScope();
        // Agent 5012's plan has no API access: it is listed, never read.
        for (int round = 0; round < 5 && sites(scope).stream().filter(FleetSite::devicesKnown).count() < 11; round++) {
            crawler.crawlScope(scope);
        }
        chromium = new Chromium();
        page = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
    }

    @AfterEach
    void close() {
        SandboxApi.call().delete(API + "/alert-profile/1/binding/agent/" + AGENT + "/device/" + device);
        SandboxApi.call().post(API + "/agent/" + AGENT + "/device/" + device + "/action/power/on");
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theNocPageFollowsADeviceSwitchedOffAndTheHeaderSearchFindsADeviceOnAnotherSite() throws Exception {
        int streams = live.openStreams();
        page.navigate(root.toString());
        Chromium.signIn(page, member);
        page.waitForURL(root.toString());
        assertThat(page.locator("#fleet-completeness")).containsText("11 of 12 sites indexed");
        Locator tile = page.locator(".tile[data-agent='" + AGENT + "'] .counts b").first();
        int downBefore = Integer.parseInt(tile.textContent().strip());
        Locator downLink = page.locator(".down-now a[href='/agents/" + AGENT + "/devices/" + device + "']");
        assertEquals(0, downLink.count(), "not down yet");
        page.evaluate("() => { window.sitedeckMarker = 'same page'; }");
        Waits.until("the page's live stream", () -> live.openStreams() > streams);
        page.setViewportSize(1366, 1100);
        screenshot("noc.png");
        page.setViewportSize(1366, 768);

        SandboxApi.call().post(API + "/agent/" + AGENT + "/device/" + device + "/action/power/off").then().statusCode(204);

        assertThat(page.locator(".tile[data-agent='" + AGENT + "'] .counts b").first())
                .hasText(String.valueOf(downBefore + 1), WAIT);
        assertThat(downLink).hasCount(1);
        assertEquals("same page", page.evaluate("() => window.sitedeckMarker"), "no reload");

        FleetDevice elsewhere = QuarkusTransaction.requiringNew().call(() -> FleetDevice.<FleetDevice>find(
                "scope = ?1 and agentId = 5030 and primaryIp is not null order by deviceId",
                DomotzTarget.embedded(URI.create("http://127.0.0.1:1" + API), KEY, null).indexScope()).firstResult());
        page.getByLabel("Search the fleet").fill(elsewhere.primaryIp);
        Locator hit = page.locator("#search-suggest a[href='" + elsewhere.url() + "']");
        assertThat(hit).isVisible();
        screenshot("search.png");
        hit.click();
        page.waitForURL("**" + elsewhere.url());
        assertThat(page.locator("h1")).containsText(elsewhere.name);

        // Enter opens the full results page: here every indexed device of the address's network.
        String network = elsewhere.primaryIp.substring(0, elsewhere.primaryIp.lastIndexOf('.') + 1);
        page.getByLabel("Search the fleet").fill(network);
        page.getByLabel("Search the fleet").press("Enter");
        page.waitForURL("**/search?q=**");
        assertThat(page.locator("table.search-results a[href='" + elsewhere.url() + "']")).isVisible();
        screenshot("search-results.png");
    }

    private static List<FleetSite> sites(String scope) {
        return QuarkusTransaction.requiringNew().call(() -> FleetSite.<FleetSite>list("scope", scope));
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots().resolve(name)));
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("sitedeck.screenshots", "target/screenshots"));
    }
}
