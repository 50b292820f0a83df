package io.sitedeck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 in Chromium: the keyboard shortcuts (boosted: no full load), Escape closing menus and the list of
 * shortcuts, a visible focus ring, the phone menu; and the screenshots of the README at desktop and phone size, in
 * the light and the dark theme (to target/screenshots, or the folder -Dsitedeck.screenshots names).
 */
@QuarkusTest
class ShellInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    Chromium chromium;
    Accounts.Member member;

    @BeforeEach
    void launch() {
        member = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(member, "Sandbox");
        chromium = new Chromium();
    }

    @AfterEach
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shortcutsMoveBetweenSectionsWithoutAFullLoadAndEscapeClosesWhatIsOpen() {
        Page page = signedIn(1366, 900, ColorScheme.LIGHT, "agents/5000");
        // A mark on the window survives boosted navigation only: a full load would start a new window object.
        page.evaluate("() => window.sitedeckMark = 'same window'");
        // htmx boosts a swapped-in page's links only when it settles; a wide settle delay makes sure each shortcut
        // below is pressed before that, as a quick typist's would be (the CI once caught the 20 ms default so).
        page.evaluate("() => htmx.config.defaultSettleDelay = 1000");

        page.keyboard().press("g");
        page.keyboard().press("e");
        page.waitForURL(root + "events");
        assertThat(page.locator("h1")).hasText("Events");
        assertThat(page).hasTitle("Events · Sitedeck");
        assertThat(page.locator("#sections a[aria-current=page]")).hasText("Events");
        page.keyboard().press("g");
        page.keyboard().press("s");
        page.waitForURL(root + "agents");
        assertThat(page.locator("h1")).hasText("Sites");
        page.keyboard().press("g");
        page.keyboard().press("h");
        page.waitForURL(root.toString());
        assertThat(page.locator("#sections a[aria-current=page]")).hasText("Home");
        assertEquals("same window", page.evaluate("() => window.sitedeckMark"), "navigated without a full load");
        // The browser's back button returns to the previous page.
        page.goBack();
        page.waitForURL(root + "agents");

        // "/" puts the cursor in the fleet search; keys typed there are the search's.
        page.keyboard().press("/");
        assertEquals("Search the fleet", page.evaluate("() => document.activeElement.getAttribute('aria-label')"));
        page.keyboard().type("gs");
        assertEquals(root + "agents", page.url(), "g s typed into the search box is text, not a shortcut");
        page.keyboard().press("Escape");
        page.evaluate("() => document.activeElement.blur()");

        // "?" lists the shortcuts; Escape closes the list.
        page.keyboard().press("?");
        assertThat(page.locator("dialog#shortcuts")).isVisible();
        assertThat(page.locator("dialog#shortcuts")).containsText("Home (the NOC page)");
        page.keyboard().press("Escape");
        assertThat(page.locator("dialog#shortcuts")).isHidden();

        // A menu opened from the keyboard closes with Escape, focus back on its button.
        page.locator("details.more-menu summary").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("details.more-menu")).hasAttribute("open", "");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Device types"))).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("details.more-menu")).not().hasAttribute("open", "");
        assertEquals("More", page.evaluate("() => document.activeElement.textContent.trim()"));

        // A confirmation (Delete…) opened and closed from the keyboard.
        page.navigate(root + "agents/5000/devices/100001");
        page.locator("details.confirm summary").first().focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("details.confirm").first()).hasAttribute("open", "");
        page.keyboard().press("Escape");
        assertThat(page.locator("details.confirm").first()).not().hasAttribute("open", "");

        // Focus moved with Tab is visible: an outline (links, menus) or Pico's ring (buttons, fields) on each stop.
        for (int stop = 0; stop < 6; stop++) {
            page.keyboard().press("Tab");
            String ring = (String) page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                    + " return document.activeElement.tagName + ' ' + s.outlineStyle + ' ' + s.boxShadow; }");
            assertTrue(!ring.contains(" none none"), "the focused element shows a focus ring: " + ring);
        }
    }

    @Test
    void onAPhoneTheSectionsFoldIntoAMenuButton() {
        Page page = signedIn(390, 844, ColorScheme.LIGHT, "");
        assertThat(page.locator("#sections")).isHidden();
        assertThat(page.locator("#menu-button")).isVisible();
        assertThat(page.locator("#menu-button")).hasAttribute("aria-expanded", "false");
        page.locator("#menu-button").click();
        assertThat(page.locator("#sections")).isVisible();
        assertThat(page.locator("#menu-button")).hasAttribute("aria-expanded", "true");
        page.keyboard().press("Escape");
        assertThat(page.locator("#sections")).isHidden();

        page.locator("#menu-button").click();
        page.locator("#sections").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Sites").setExact(true)).click();
        page.waitForURL(root + "agents");
        assertThat(page.locator("h1")).hasText("Sites");
        assertThat(page.locator("#sections")).isHidden();
        // The search box stays reachable on a phone, on a line of its own.
        assertThat(page.locator(".fleet-search input")).isVisible();
        double width = ((Number) page.evaluate("() => document.querySelector('.fleet-search input').getBoundingClientRect().width")).doubleValue();
        assertTrue(width > 300, "the search box takes the phone's width: " + width);
    }

    @Test
    void screenshotsAtDesktopAndPhoneSizeInBothThemes() {
        for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
            String theme = scheme == ColorScheme.LIGHT ? "light" : "dark";
            Page desktop = signedIn(1366, 900, scheme, "agents/5000");
            assertThat(desktop.locator("table.devices tbody tr").first()).isVisible();
            shoot(desktop, "desktop-site-" + theme + ".png");
            desktop.navigate(root + "agents/5000/devices/100000");
            assertThat(desktop.locator("[data-chart-for=rtd-table] canvas")).hasCount(1);
            // Several tabs open are common: the tab names the device and its site.
            assertThat(desktop).hasTitle("Reception Gateway · Harbor Dental – HQ · Sitedeck");
            shoot(desktop, "desktop-device-" + theme + ".png");
            desktop.context().close();

            Page phone = signedIn(390, 844, scheme, "agents/5000/devices/100000");
            assertThat(phone.locator("#device-summary h1")).isVisible();
            shoot(phone, "phone-device-" + theme + ".png");
            phone.navigate(root + "agents/5000");
            shoot(phone, "phone-site-" + theme + ".png");
            phone.context().close();
        }
    }

    private Page signedIn(int width, int height, ColorScheme scheme, String path) {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setColorScheme(scheme));
        Page page = context.newPage();
        page.navigate(root + path);
        Chromium.signIn(page, member);
        page.waitForURL(root + path);
        return page;
    }

    private static void shoot(Page page, String name) {
        page.waitForFunction("() => document.readyState === 'complete' && !document.querySelector('.htmx-request')");
        page.screenshot(new Page.ScreenshotOptions().setPath(
                Path.of(System.getProperty("sitedeck.screenshots", "target/screenshots")).resolve(name)));
    }
}
