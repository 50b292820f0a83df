package io.sitedeck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer does, in a real Chromium: first-run set-up, sign in, add the sandbox connection,
 * see the agent list. Needs Debian's chromium at /usr/bin/chromium (.ci/run installs it); without
 * it the test fails rather than skips.
 */
@QuarkusTest
class FirstRunInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    Chromium chromium;
    Browser browser;

    @BeforeEach
    void launch() {
        Accounts.reset();
        chromium = new Chromium();
        browser = chromium.browser();
    }

    @AfterEach
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void setsUpSignsInAddsTheSandboxAndSeesTheSites() {
        Page page = browser.newPage();
        page.navigate(root + "setup?token=" + Accounts.SETUP_TOKEN);
        assertThat(page.locator("h1")).hasText("Set up Sitedeck");

        page.getByLabel("Organization").fill("Harbor IT");
        page.getByLabel("Your email").fill("anna@harbor-it.example");
        page.getByLabel("Password (at least 12 characters)").fill(Accounts.PASSWORD);
        page.getByLabel("Password again").fill(Accounts.PASSWORD);
        page.getByLabel("Add a ready “Sandbox” connection").uncheck();
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Create")).click();

        assertThat(page.locator("h1")).hasText("Sign in");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("anna@harbor-it.example");
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page.locator("main")).containsText("You have no Domotz connection yet");

        page.getByText("Add one").click();
        page.getByLabel("Name").fill("Sandbox");
        page.getByLabel("Cell").selectOption("SANDBOX");
        page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).fill("sandbox-demo-key");
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Check and save")).click();
        assertThat(page.locator(".notice")).containsText("Connected “Sandbox”");

        page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Sites")).click();
        assertThat(page.locator("main")).containsText("12 sites");
        assertThat(page.locator("main tbody tr:not(.group)")).hasCount(12);
        assertThat(page.locator("main")).containsText("Harbor Dental");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "first-run-sites.png")).setFullPage(true));
    }
}
