package io.sitedeck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.account.SecondFactorPolicy;
import io.sitedeck.account.Tenant;
import io.sitedeck.account.factor.Totp;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import io.sitedeck.testing.MovableClock;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #20 in Chromium: the tenant requires a second factor of everyone, so a member who has none
 * is led through setting up an authenticator app at sign-in (the test plays the app), sees their
 * recovery codes once, and from then on every sign-in asks for a code.
 */
@QuarkusTest
class SecondFactorInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @AfterEach
    void presentTime() {
        MovableClock.reset();
    }

    @Test
    void aRequiredSecondFactorLeadsANewMemberThroughEnrolment() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member member = Accounts.memberOf(admin.tenantId(), Role.TECHNICIAN);
        QuarkusTransaction.requiringNew().run(() ->
                Tenant.<Tenant>findById(admin.tenantId()).secondFactor = SecondFactorPolicy.EVERYONE);
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)).newPage();
            page.navigate(root + "agents");
            Chromium.signIn(page, member);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Second factor"))).isVisible();
            assertThat(page.locator(".notice")).containsText("requires a second factor");
            assertThat(page.locator("img.totp-qr")).isVisible();
            String secret = page.locator("code.totp-secret").textContent();
            page.getByLabel("The code the app shows now").fill(Totp.code(secret, Totp.step(MovableClock.INSTANCE.instant())));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on")).click();
            assertThat(page.locator("ul.recovery-codes li")).hasCount(10);
            page.getByText("Continue to Sitedeck").click();
            assertThat(page.locator(".topbar .user-menu")).isVisible();

            page.locator(".user-menu summary").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            MovableClock.advance(Duration.ofSeconds(60));
            Chromium.signIn(page, member);
            page.getByLabel("Code from your authenticator app")
                    .fill(Totp.code(secret, Totp.step(MovableClock.INSTANCE.instant())));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
            assertThat(page.locator(".topbar .user-menu")).isVisible();
        }
    }
}
