package io.sitedeck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Team notes, tags and bookmarks as people use them in Chromium: tag a device and filter the site
 * table by the chip; star a device and open it from Bookmarks; two people editing one note at
 * once — the second gets both versions, not a silent overwrite. Agent 5018 (notes only, no Domotz changes).
 */
@QuarkusTest
class NotesInBrowserTest {

    private static final String DEVICE = "agents/5018/devices/106004";

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
    void tagsADeviceThenFiltersTheSiteTableByItsChip() {
        Page page = signedIn(member, DEVICE);
        page.getByText("Edit notes").click();
        page.getByLabel("Note").fill("Reception printer. **Call Anna** before rebooting.");
        page.locator("#notes-tags").fill("printer-2f, reception");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save notes")).click();
        assertThat(page.locator("#notes")).containsText("Saved.");
        assertThat(page.locator("#notes .note strong")).hasText("Call Anna");

        page.navigate(root + "agents/5018");
        Locator chip = page.locator("table.devices a.tag", new Page.LocatorOptions().setHasText("printer-2f"));
        assertThat(chip).hasCount(1);
        chip.click();
        page.waitForURL("**q=tag:printer-2f**");
        assertThat(page.locator("#devices p").first()).hasText(java.util.regex.Pattern.compile("^1 of \\d+ devices$"));
        assertThat(page.locator("table.devices tbody tr")).hasCount(1);
    }

    @Test
    void bookmarksADeviceAndOpensItFromTheBookmarksPage() {
        Page page = signedIn(member, DEVICE);
        String name = page.locator("#device-summary h1").textContent().split(" (ONLINE|DOWN|OFFLINE|HIDDEN)")[0].trim();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("☆ Bookmark")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("★ Bookmarked"))).isVisible();

        // Bookmarks are in the top bar's Views menu.
        page.locator("details.views-menu summary").click();
        page.locator("details.views-menu").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Bookmarks")
                .setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Bookmarks");
        page.locator("table.bookmarks a").first().click();
        page.waitForURL(root + DEVICE);
        assertThat(page.locator("#device-summary h1")).containsText(name);
    }

    @Test
    void twoPeopleEditingOneNoteGetAConflictNotALostUpdate() {
        Accounts.Member colleague = Accounts.memberOf(member.tenantId(), Role.TECHNICIAN);
        Accounts.sandboxConnection(colleague, "Sandbox");
        Page anna = signedIn(member, DEVICE);
        Page ben = signedIn(colleague, DEVICE);
        anna.getByText("Edit notes").click();
        ben.getByText("Edit notes").click();

        anna.getByLabel("Note").fill("Anna: switch replaced 2026-03");
        anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save notes")).click();
        assertThat(anna.locator("#notes")).containsText("Saved.");

        ben.getByLabel("Note").fill("Ben: warranty until 2029");
        ben.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save notes")).click();
        Locator conflict = ben.locator("#notes .conflict");
        assertThat(conflict).containsText("Not saved");
        assertThat(conflict).containsText("Anna: switch replaced 2026-03");
        assertThat(conflict).containsText("Ben: warranty until 2029");
        assertThat(ben.getByLabel("Note")).hasValue("Ben: warranty until 2029");

        anna.reload();
        assertThat(anna.locator("#notes .note")).hasText("Anna: switch replaced 2026-03");
        assertTrue(anna.locator("#notes").textContent().contains("History (1 changes)"), "only Anna's save is stored");
    }

    /** A page in its own browser context (its own cookies), signed in and on {@code path}. */
    private Page signedIn(Accounts.Member who, String path) {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page page = context.newPage();
        page.navigate(root + path);
        Chromium.signIn(page, who);
        page.waitForURL(root + path);
        return page;
    }
}
