package io.sitedeck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.account.factor.Passkey;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #20 in Chromium with its virtual authenticator (WebAuthn over the DevTools protocol): a member
 * adds a passkey, then gives it as the second factor after the password, then signs in with it alone.
 */
@QuarkusTest
class PasskeyInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void enrolsAPasskeyAndSignsInWithIt() {
        Accounts.Member member = Accounts.tenantWith(Role.TECHNICIAN);
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)).newPage();
            virtualAuthenticator(page);
            page.navigate(root + "login");
            Chromium.signIn(page, member);
            page.locator(".user-menu summary").click();
            page.getByText("Second factor").click();
            page.getByLabel("Name of this passkey").fill("Test laptop");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
            assertThat(page.locator("ul.passkeys")).containsText("Test laptop");
            long stored = QuarkusTransaction.requiringNew().call(() -> Passkey.count());
            assertTrue(stored >= 1);

            signOut(page);
            Chromium.signIn(page, member);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Second factor"))).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")).click();
            assertThat(page.locator(".topbar .user-menu")).isVisible();

            signOut(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
            assertThat(page.locator(".topbar .user-menu")).isVisible();
            page.locator(".user-menu summary").click();
            assertThat(page.locator(".user-menu .who")).containsText(member.email());

            page.navigate(root + "second-factor/enrol");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Test laptop")).click();
            // No factor left: the page offers to set one up again, and the password alone signs in.
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("With a passkey"))).isVisible();
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Passkey.count("personId",
                    io.sitedeck.account.Person.byEmail(member.email()).orElseThrow().id)));
        }
        List<String> outcomes = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "tenantId = ?1 and action in ('second-factor.enrol', 'second-factor', 'sign-in') order by id",
                member.tenantId())).stream().map(event -> event.action + " " + event.outcome).toList();
        assertTrue(outcomes.contains("second-factor.enrol ok: passkey Test laptop"), outcomes.toString());
        assertTrue(outcomes.contains("second-factor ok: passkey"), outcomes.toString());
        assertEquals("sign-in ok: passkey", outcomes.get(outcomes.size() - 1));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "tenantId = ?1 and action = 'second-factor.remove'", member.tenantId())));
    }

    /** Chromium's virtual authenticator: a platform authenticator with resident keys that verifies its user. */
    private static void virtualAuthenticator(Page page) {
        CDPSession devtools = page.context().newCDPSession(page);
        devtools.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject parameters = new JsonObject();
        parameters.add("options", options);
        devtools.send("WebAuthn.addVirtualAuthenticator", parameters);
    }

    private static void signOut(Page page) {
        page.locator(".user-menu summary").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/login?out");
    }
}
