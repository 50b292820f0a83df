package io.sitedeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import io.sitedeck.testing.ReflectionWatch;
import io.sitedeck.testing.Session;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 16: every page of the console, visited in Chromium as an admin (and the pages
 * of someone signed out), shows no console error and no Content-Security-Policy violation — also
 * when a page with a live stream is left. Issue 15: no expression of these pages (their lazy
 * parts included) is resolved by Qute's reflection resolver ({@link ReflectionWatch}).
 */
@QuarkusTest
class EveryPageInBrowserTest {

    private static final List<String> SIGNED_OUT = List.of("login", "login?error=1", "login?out", "setup",
            "setup?token=guessed");

    private static final List<String> PAGES = List.of("", "agents", "agents?group=team", "agents/5000",
            "agents/5000?status=DOWN", "agents/5000/history", "agents/5000/history?range=30d", "agents/5000/alerts",
            "agents/5000/down-devices", "agents/5000/devices/100000", "agents/5000/devices/100000?range=24h",
            "agents/5000/devices/100001", "agents/5000/devices/100000/rtd/samples?range=24h",
            "agents/5000/devices/100000/edit", "alerts", "alerts/webhook", "events", "bookmarks", "views",
            "agents/5000/notes", "agents/5000/devices/100000/notes", "alerts/overview",
            "annotations/orphans", "types", "usage", "audit", "members", "connections", "search?q=router",
            "search?q=192.168", "fleet/new", "fleet/unrecognised", "fleet/unnamed");

    @TestHTTPResource("/")
    URL root;

    @Test
    void noPageLogsAConsoleErrorOrACspViolation() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(admin, "Sandbox");
        // A saved view, so the Views menu's items are rendered (and checked for reflection) too.
        Session.signIn(admin).post("/views", Map.of("name", "Down at Harbor", "url", "/agents/5000?status=DOWN"))
                .then().statusCode(303);
        List<String> problems = new ArrayList<>();
        ReflectionWatch.clear();
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
            String[] current = {""};
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type()) || "warning".equals(message.type())) {
                    problems.add(current[0] + ": " + message.type() + ": " + message.text());
                }
            });
            page.onPageError(error -> problems.add(current[0] + ": page error: " + error));
            for (String path : SIGNED_OUT) {
                visit(page, current, path);
            }
            visit(page, current, welcomeLink(admin));
            page.navigate(root + "login");
            Chromium.signIn(page, admin);
            int visited = 0;
            for (String path : PAGES) {
                Response response = visit(page, current, path);
                assertTrue(response != null && response.status() < 400, path + " answered "
                        + (response == null ? "nothing" : response.status()));
                visited++;
            }
            // Parts a person opens: the Views menu is read when it is opened.
            current[0] = "/" + PAGES.get(PAGES.size() - 1) + ", Views menu opened";
            Response menu = page.waitForResponse("**/views/menu", () -> page.locator("details.dropdown summary").click());
            assertEquals(200, menu.status());
            assertTrue(menu.text().contains("Down at Harbor"), menu.text());
            page.waitForFunction("() => !document.querySelector('.htmx-request')");
            // Leaving the last page (its live stream open) must be quiet too.
            current[0] = "leaving " + PAGES.get(PAGES.size() - 1);
            page.navigate("about:blank");
            assertEquals(PAGES.size(), visited);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // Issue #15: every expression of every page was answered by a resolver generated at build time.
        assertEquals(java.util.Set.of(), ReflectionWatch.fallenThrough(), "template expressions resolved by reflection");
    }

    /** A new member's one-time link, as the members page shows it to the admin. */
    private static String welcomeLink(Accounts.Member admin) {
        Matcher link = Pattern.compile("<code class=\"setup-link\">/(welcome/[A-Za-z0-9_-]+)</code>").matcher(
                Session.signIn(admin).post("/members", Map.of("email", "new-" + admin.email(), "role", "VIEWER")).asString());
        assertTrue(link.find(), "the members page shows the new member's link");
        return link.group(1);
    }

    private Response visit(Page page, String[] current, String path) {
        current[0] = "/" + path;
        Response response = page.navigate(root + path);
        page.waitForLoadState();
        // Fragments htmx loads after the page (lazy panels) are part of the page.
        page.waitForFunction("() => document.readyState === 'complete' && !document.querySelector('.htmx-request')");
        return response;
    }
}
