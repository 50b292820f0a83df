package io.sitedeck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.account.Tenant;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import java.net.InetAddress;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * Issue #20 in Chromium: an admin configures the tenant's OpenID provider (a real one, mock-oauth2-server
 * on loopback) on the sign-in settings page; a colleague then types their work email on the sign-in
 * page, goes through the provider and lands in the console as the role their group maps to.
 */
@QuarkusTest
class SsoInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void anAdminSetsUpSingleSignOnAndAColleagueSignsInThroughIt() throws Exception {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        try (Chromium chromium = new Chromium()) {
            String issuerId = "browser-" + UUID.randomUUID().toString().substring(0, 8);
            String domain = issuerId + ".example";
            Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
            String tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findById(admin.tenantId()).name);
            Page page = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)).newPage();
            page.navigate(root + "login");
            Chromium.signIn(page, admin);
            page.navigate(root + "sign-in-settings");
            page.getByLabel("Name on the sign-in page").fill("Corp IdP");
            page.getByLabel("Issuer URL").fill(provider.issuerUrl(issuerId).toString().replaceAll("/$", ""));
            page.getByLabel("Client id").fill("sitedeck");
            page.getByLabel("Client secret").fill("browser-secret-1234");
            page.getByLabel("Role mappings", new Page.GetByLabelOptions().setExact(false)).fill("noc = TECHNICIAN");
            page.getByLabel("Create members on their first sign-in").check();
            page.getByLabel("Email domains", new Page.GetByLabelOptions().setExact(false)).fill(domain);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and check the provider")).click();
            assertThat(page.locator(".notice")).containsText("discovery document was read");
            assertThat(page.locator("code.sso-link")).containsText("/sso/");
            page.context().close();

            String colleague = "noc-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
            provider.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, colleague, "JWT", List.of("sitedeck"),
                    Map.of("email", colleague, "groups", List.of("noc")), 300));
            Page other = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)).newPage();
            other.navigate(root + "login");
            other.getByLabel("Work email").fill(colleague);
            other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue with single sign-on")).click();
            other.locator(".user-menu summary").click();
            assertThat(other.locator(".user-menu .who-tenant")).hasText(tenant);
            assertThat(other.locator(".user-menu .who")).containsText(colleague);
            assertThat(other.locator(".user-menu .who")).containsText("TECHNICIAN");
        } finally {
            provider.shutdown();
        }
    }
}
