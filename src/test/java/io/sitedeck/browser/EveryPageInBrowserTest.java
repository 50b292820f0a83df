package io.sitedeck.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.ColorScheme;
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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every page of the console, visited in Chromium as an admin (and the pages of someone signed out),
 * on a desktop (1366 px, light theme) and on a phone (390 px, dark theme; sideways scrolling also at 360 px). On each: no console
 * error and no Content-Security-Policy violation (issue 13) — also when a page with a live stream
 * is left; no expression resolved by Qute's reflection resolver ({@link ReflectionWatch}, issue
 * 15); the document does not scroll sideways and axe-core finds no serious or critical violation
 * (issue 17).
 */
@QuarkusTest
class EveryPageInBrowserTest {

    private static final List<String> SIGNED_OUT = List.of("login", "login?error=1", "login?out", "setup",
            "setup?token=guessed");

    private static final List<String> PAGES = List.of("", "agents", "agents?group=team", "agents/5000",
            "agents/5000?status=DOWN", "agents/5000/history", "agents/5000/history?range=30d", "agents/5000/alerts",
            "agents/5000/down-devices", "agents/5000/devices/100000", "agents/5000/devices/100000?range=24h",
            "agents/5000/devices/100001", "agents/5000/devices/100000/rtd/samples?range=24h",
            "agents/5000/devices/100000/edit", "agents/5000/maintenance", "reports/sites/5000", "reports", "reports/settings", "notifications", "notifications/log", "alerts", "alerts/webhook", "events", "bookmarks", "views",
            "agents/5000/notes", "agents/5000/devices/100000/notes", "alerts/overview",
            "annotations/orphans", "types", "usage", "audit", "members", "connections", "search?q=router",
            "search?q=192.168", "fleet/new", "fleet/unrecognised", "fleet/unnamed", "operator", "tenants/choose", "sign-in-settings", "second-factor/enrol");

    /** Where a person reads the console: at a desk, and on a phone (in the dark theme, so both themes are checked). */
    private record Screen(String name, int width, int height, ColorScheme scheme) {
    }

    private static final List<Screen> SCREENS = List.of(new Screen("desktop", 1366, 900, ColorScheme.LIGHT),
            new Screen("phone", 390, 844, ColorScheme.DARK));

    /** What makes a page fail besides console errors: the document wider than the screen, and which elements stick out. */
    private static final String SIDEWAYS = """
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width) return '';
              const out = [];
              for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                if (r.right > width + 1 && !e.closest('.table-wrap')) {
                  out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
                      ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '') + ' ends at ' + Math.round(r.right));
                  if (out.length == 4) break;
                }
              }
              return 'scrolls sideways (' + document.documentElement.scrollWidth + ' > ' + width + ' px): ' + out.join(', ');
            }""";

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyPageFitsTheScreenAndLogsNoErrorNorSeriousAccessibilityProblem() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(admin, "Sandbox");
        Accounts.operator(admin, true); // the operator page is a page too
        // A saved view, so the Views menu's items are rendered (and checked for reflection) too.
        Session.signIn(admin).post("/views", Map.of("name", "Down at Harbor", "url", "/agents/5000?status=DOWN"))
                .then().statusCode(303);
        List<String> problems = new ArrayList<>();
        ReflectionWatch.clear();
        try (Chromium chromium = new Chromium()) {
            for (Screen screen : SCREENS) {
                Page page = chromium.browser().newContext(new Browser.NewContextOptions()
                        .setViewportSize(screen.width(), screen.height()).setColorScheme(screen.scheme())).newPage();
                String[] current = {""};
                page.onConsoleMessage(message -> {
                    if ("error".equals(message.type()) || "warning".equals(message.type())) {
                        problems.add(current[0] + ": " + message.type() + ": " + message.text());
                    }
                });
                page.onPageError(error -> problems.add(current[0] + ": page error: " + error));
                for (String path : SIGNED_OUT) {
                    visit(page, current, screen.name(), path, problems);
                }
                visit(page, current, screen.name(), welcomeLink(admin, screen.name()), problems);
                page.navigate(root + "login");
                Chromium.signIn(page, admin);
                for (String path : PAGES) {
                    Response response = visit(page, current, screen.name(), path, problems);
                    assertTrue(response != null && response.status() < 400, path + " answered "
                            + (response == null ? "nothing" : response.status()));
                }
                // Parts a person opens: the Views menu is read when it is opened.
                current[0] = screen.name() + " /" + PAGES.get(PAGES.size() - 1) + ", Views menu opened";
                if (screen.width() < 800) {
                    page.locator("#menu-button").click();
                }
                Response menu = page.waitForResponse("**/views/menu", () -> page.locator("details.views-menu summary").click());
                assertEquals(200, menu.status());
                assertTrue(menu.text().contains("Down at Harbor"), menu.text());
                page.waitForFunction("() => !document.querySelector('.htmx-request')");
                // Leaving the last page (its live stream open) must be quiet too.
                current[0] = screen.name() + " leaving " + PAGES.get(PAGES.size() - 1);
                page.navigate("about:blank");
                page.context().close();
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
        // Issue #15: every expression of every page was answered by a resolver generated at build time.
        assertEquals(Set.of(), ReflectionWatch.fallenThrough(), "template expressions resolved by reflection");
    }

    /** A new member's one-time link, as the members page shows it to the admin. */
    private static String welcomeLink(Accounts.Member admin, String screen) {
        Matcher link = Pattern.compile("<code class=\"setup-link\">/(welcome/[A-Za-z0-9_-]+)</code>").matcher(
                Session.signIn(admin).post("/members", Map.of("email", "new-" + screen + "-" + admin.email(),
                        "role", "VIEWER")).asString());
        assertTrue(link.find(), "the members page shows the new member's link");
        return link.group(1);
    }

    private Response visit(Page page, String[] current, String screen, String path, List<String> problems) {
        current[0] = screen + " /" + path;
        Response response = page.navigate(root + path);
        page.waitForLoadState();
        // Fragments htmx loads after the page (lazy panels) are part of the page.
        page.waitForFunction("() => document.readyState === 'complete' && !document.querySelector('.htmx-request')");
        String sideways = (String) page.evaluate(SIDEWAYS);
        if (!sideways.isEmpty()) {
            problems.add(current[0] + ": " + sideways);
        }
        if (page.viewportSize().width < 800) {
            // The narrowest phone the console supports: nothing may scroll sideways at 360 px either.
            int height = page.viewportSize().height;
            page.setViewportSize(360, height);
            String narrow = (String) page.evaluate(SIDEWAYS);
            if (!narrow.isEmpty()) {
                problems.add(current[0] + " at 360 px: " + narrow);
            }
            page.setViewportSize(390, height);
        }
        for (Rule rule : new AxeBuilder(page).analyze().getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                problems.add(current[0] + ": axe " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " — "
                        + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")));
            }
        }
        return response;
    }
}
