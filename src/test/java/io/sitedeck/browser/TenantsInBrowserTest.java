package io.sitedeck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.account.Tenant;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #20 in Chromium: the operator creates a tenant from the operator page, its first admin
 * follows the one-time link and signs in to it; a person in two tenants chooses one after signing
 * in and switches to the other from the top bar.
 */
@QuarkusTest
class TenantsInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theOperatorCreatesATenantAndItsAdminSignsIn() throws Exception {
        Accounts.Member operator = Accounts.tenantWith(Role.ADMIN);
        Accounts.operator(operator, true);
        String name = "Harbor IT " + unique();
        String email = "first-" + unique() + "@harbor.example";
        Path folder = Path.of(System.getProperty("sitedeck.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        try (Chromium chromium = new Chromium()) {
            Page page = context(chromium).newPage();
            page.navigate(root + "login");
            Chromium.signIn(page, operator);
            page.locator(".user-menu summary").click();
            page.getByText("Operate this install…").click();
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
            page.getByLabel("First admin's email").fill(email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
            assertThat(page.locator(".notice")).containsText("Created " + name);
            String link = page.locator("code.setup-link").textContent();
            assertThat(page.getByLabel("Name of " + name)).hasValue(name);
            page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("operator.png")));

            Page newcomer = context(chromium).newPage();
            newcomer.navigate(root + link.substring(1));
            newcomer.getByLabel("Password (at least 12 characters)").fill(Accounts.PASSWORD);
            newcomer.getByLabel("Password again").fill(Accounts.PASSWORD);
            newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
            newcomer.waitForURL("**/login?welcome");
            Chromium.signIn(newcomer, new Accounts.Member(0, 0, email, Role.ADMIN));
            newcomer.locator(".user-menu summary").click();
            assertThat(newcomer.locator(".user-menu .who-tenant")).hasText(name);
        }
    }

    @Test
    void aPersonInTwoTenantsChoosesAndSwitches() {
        Accounts.Member inA = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member adminOfB = Accounts.tenantWith(Role.ADMIN);
        Accounts.alsoMemberOf(inA, adminOfB.tenantId(), Role.VIEWER);
        String nameA = tenantName(inA);
        String nameB = tenantName(adminOfB);
        try (Chromium chromium = new Chromium()) {
            Page page = context(chromium).newPage();
            page.navigate(root + "login");
            Chromium.signIn(page, inA);
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("Choose where to work");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(nameA)).click();
            assertThat(page.locator(".topbar .tenant-name")).hasText(nameA);

            page.locator(".tenant-menu summary").click();
            page.locator(".tenant-menu").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName(nameB)).click();
            assertThat(page.locator(".topbar .tenant-name")).hasText(nameB);
            page.locator(".user-menu summary").click();
            assertThat(page.locator(".user-menu .who")).containsText("VIEWER");
        }
    }

    private static BrowserContext context(Chromium chromium) {
        return chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
    }

    private static String tenantName(Accounts.Member member) {
        return QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findById(member.tenantId()).name);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
