package io.sitedeck.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, nothing downloaded. The path moves with SITEDECK_CHROMIUM;
 * when the browser is missing, launching fails and so does the test (.ci/run installs it).
 */
public final class Chromium implements AutoCloseable {

    public static final String PATH = System.getenv().getOrDefault("SITEDECK_CHROMIUM", "/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    public Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(PATH))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    /** Fills the sign-in form the page shows and sends it, as a person does. */
    public static void signIn(Page page, Accounts.Member member) {
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(member.email());
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForLoadState();
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
