package io.sitedeck.annotations;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bookmarks (per person, with live status) and saved views (private or shared with the tenant),
 * and that nobody reaches another's. {@code PostgresBookmarksAndViewsTest} runs the same on PostgreSQL.
 */
@QuarkusTest
class BookmarksAndViewsTest {

    Accounts.Member me;
    Session session;

    @BeforeEach
    void signIn() {
        me = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(me, "Sandbox");
        session = Session.signIn(me);
    }

    @Test
    void bookmarksADeviceAndShowsItWithItsLiveStatus() {
        session.get("/agents/5006/devices/102002").then().body(containsString("☆ Bookmark"));
        session.htmxPost("/bookmarks", Map.of("agentId", "5006", "deviceId", "102002", "label", "Core switch"))
                .then().statusCode(200).body(containsString("★ Bookmarked")).body(not(containsString("<html")));
        session.post("/bookmarks", Map.of("agentId", "5006", "label", "Whole site")).then().statusCode(303);
        session.get("/agents/5006/devices/102002").then().body(containsString("★ Bookmarked"));

        String page = session.get("/bookmarks").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<a href=\"/agents/5006/devices/102002\">Core switch</a>"), page);
        assertTrue(page.contains("<a href=\"/agents/5006\">Whole site</a>"), page);
        // Device n=2 of every sandbox site is DOWN: the status is Domotz's, read now.
        assertTrue(page.contains("status-DOWN\">DOWN"), page);
        session.get("/agents").then().body(containsString("Your bookmarks")).body(containsString("Core switch"));

        session.htmxPost("/bookmarks", Map.of("agentId", "5006", "deviceId", "102002", "label", "Core switch"))
                .then().body(containsString("☆ Bookmark"));
        session.get("/bookmarks").then().body(not(containsString("Core switch")));
    }

    @Test
    void bookmarksArePersonal() {
        session.post("/bookmarks", Map.of("agentId", "5006", "deviceId", "102003", "label", "Mine only")).then()
                .statusCode(303);
        long id = QuarkusTransaction.requiringNew().call(() -> Bookmark.<Bookmark>find("userId", me.userId())
                .firstResult().id);
        Accounts.Member colleague = Accounts.memberOf(me.tenantId(), Role.ADMIN);
        Accounts.sandboxConnection(colleague, "Sandbox");
        Session theirs = Session.signIn(colleague);
        theirs.get("/bookmarks").then().body(not(containsString("Mine only")));
        theirs.post("/bookmarks/" + id + "/delete").then().statusCode(404);
        Session.withSandbox(Role.ADMIN).post("/bookmarks/" + id + "/delete").then().statusCode(404);
        session.get("/bookmarks").then().body(containsString("Mine only"));
    }

    @Test
    void savesPrivateAndSharedViews() {
        session.post("/views", Map.of("name", "Down at Harbor", "url", "/agents/5000?status=DOWN&sort=name")).then()
                .statusCode(303).header("Location", containsString("/agents/5000?status=DOWN"));
        session.htmxPost("/views", Map.of("name", "Team: printers", "url", "/agents/5003?q=tag:printer", "shared", "true"))
                .then().statusCode(200).header("HX-Trigger", "viewsChanged").body(containsString("shared with your team"));
        // Every page's Views menu loads them when opened (not with the page), and again after a save.
        session.get("/agents").then().body(containsString("hx-get=\"/views/menu\" hx-trigger=\"toggle once, viewsChanged from:body\""))
                .body(not(containsString("Down at Harbor")));
        session.get("/views/menu").then().statusCode(200)
                .body(containsString("<a href=\"/agents/5000?status=DOWN&amp;sort=name\">Down at Harbor"))
                .body(containsString("Team: printers")).body(containsString("All saved views"))
                .body(not(containsString("<html")));

        Accounts.Member colleague = Accounts.memberOf(me.tenantId(), Role.TECHNICIAN);
        Accounts.sandboxConnection(colleague, "Sandbox");
        Session theirs = Session.signIn(colleague);
        theirs.get("/views").then().body(containsString("Team: printers")).body(not(containsString("Down at Harbor")));
        theirs.get("/views/menu").then().body(containsString("Team: printers")).body(not(containsString("Down at Harbor")));
        Session stranger = Session.withSandbox(Role.ADMIN);
        stranger.get("/views").then().body(not(containsString("Team: printers")));

        long shared = QuarkusTransaction.requiringNew().call(() -> SavedView.<SavedView>find("name", "Team: printers")
                .firstResult().id);
        long mine = QuarkusTransaction.requiringNew().call(() -> SavedView.<SavedView>find("name", "Down at Harbor")
                .firstResult().id);
        theirs.post("/views/" + mine + "/delete").then().statusCode(404);
        theirs.post("/views/" + shared + "/delete").then().statusCode(404); // a technician may not delete another's shared view
        stranger.post("/views/" + shared + "/delete").then().statusCode(404);
        session.post("/views/" + mine + "/delete").then().statusCode(303);
        session.get("/views").then().body(not(containsString("Down at Harbor"))).body(containsString("Team: printers"));
    }

    @Test
    void aViewIsAConsolePageAndNothingElse() {
        for (String url : new String[] {"//evil.example/x", "https://evil.example/", "javascript:alert(1)", "/\\evil", ""}) {
            session.post("/views", Map.of("name", "Bad", "url", url)).then().statusCode(400);
        }
        session.post("/views", Map.of("name", "", "url", "/agents")).then().statusCode(400).body(containsString("name"));
        session.get("/views").then().body(not(containsString(">Bad<")));
    }
}
