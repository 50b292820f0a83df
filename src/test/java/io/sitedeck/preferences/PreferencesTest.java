package io.sitedeck.preferences;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a person's table density, their devices-table columns (remembered per person, kept by a saved view)
 * and dismissed notices; each change a CSRF-checked POST that comes back to the page; bad input a clear 400.
 */
@QuarkusTest
class PreferencesTest {

    private static final String SITE = "/agents/5003";

    @Test
    void densityIsCompactUntilTheMemberChoosesComfortableAndStaysTheirOwn() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "Sandbox");
        Session session = Session.signIn(member);
        Session colleague = Session.signIn(Accounts.memberOf(member.tenantId(), Role.VIEWER));
        session.get("/agents").then().statusCode(200).body(containsString("data-density=\"compact\""));

        session.post("/preferences/density", Map.of("density", "comfortable", "back", "/agents?group=team"))
                .then().statusCode(303).header("Location", "/agents?group=team");
        session.get("/agents").then().body(containsString("data-density=\"comfortable\""))
                .body(containsString("Compact tables"));
        colleague.get("/connections").then().body(containsString("data-density=\"compact\""));

        session.post("/preferences/density", Map.of("density", "huge")).then().statusCode(400)
                .body(containsString("compact or comfortable"));
        session.post("/preferences/density", Map.of("density", "compact", "back", "https://evil.example/"))
                .then().statusCode(400);
        // Without the CSRF token nothing changes.
        session.request().contentType("application/x-www-form-urlencoded").formParam("density", "compact")
                .post("/preferences/density").then().statusCode(403);
        session.get("/agents").then().body(containsString("data-density=\"comfortable\""));
    }

    @Test
    void theColumnChooserIsRememberedPerPersonAndASavedViewKeepsItsColumns() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "Sandbox");
        Accounts.Member colleague = Accounts.memberOf(member.tenantId(), Role.VIEWER);
        Accounts.sandboxConnection(colleague, "Sandbox");
        Session session = Session.signIn(member);
        assertEquals("", hidden(session.get(SITE).then().statusCode(200).extract().asString()), "all columns by default");

        session.post(SITE + "/columns", Map.of("col", List.of("ip", "status"), "back", SITE + "?sort=name&page=0"))
                .then().statusCode(303).header("Location", SITE + "?sort=name&page=0");
        String chosen = session.get(SITE).asString();
        assertEquals("hide-mac hide-vendor hide-type hide-importance hide-zone hide-latency", hidden(chosen),
                "the columns not chosen are hidden");
        // On every site of theirs; not for a colleague.
        assertEquals(hidden(chosen), hidden(session.get("/agents/5006").asString()));
        assertEquals("", hidden(Session.signIn(colleague).get(SITE).asString()));
        // "Save this view" saves the columns with the filters; the view shows them whatever the member chooses later.
        assertTrue(chosen.contains("name=\"url\" value=\"" + SITE + "?sort=name&amp;size=50&amp;page=0&amp;cols=ip%2Cstatus\""),
                "the saved view's URL names its columns");
        session.post(SITE + "/columns", Map.of("col", List.of("mac"))).then().statusCode(303);
        String view = session.get(SITE + "?sort=name&size=50&page=0&cols=ip,status").asString();
        assertEquals(hidden(chosen), hidden(view), "the view's own columns");
        assertTrue(view.contains("cols=ip%2Cstatus"), "sort and page links keep the view's columns");
        assertTrue(hidden(session.get(SITE).asString()).contains("hide-ip"), "elsewhere the member's new choice");

        session.post(SITE + "/columns", Map.of("col", List.of("ip", "password"))).then().statusCode(400)
                .body(containsString("Unknown column"));
        assertFalse(hidden(session.get(SITE).asString()).contains("hide-mac"), "a refused choice changes nothing");
    }

    /** The classes that hide columns of the devices table (sitedeck.css hides them by position). */
    private static String hidden(String page) {
        Matcher table = Pattern.compile("<table class=\"striped devices ?([^\"]*)\">").matcher(page);
        assertTrue(table.find(), "the page has the devices table");
        return table.group(1);
    }

    @Test
    void anAdminDismissesTheGeneratedKeyNoticeForGood() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Session session = Session.signIn(admin);
        session.get("/connections").then().body(containsString("encrypted with a key generated on this machine"));
        Session.signIn(Accounts.tenantWith(Role.VIEWER)).get("/connections").then()
                .body(not(containsString("encrypted with a key generated")));

        session.post("/preferences/dismiss", Map.of("notice", "generated-key", "back", "/connections"))
                .then().statusCode(303).header("Location", "/connections");
        session.get("/connections").then().body(not(containsString("encrypted with a key generated")));
        session.post("/preferences/dismiss", Map.of("notice", "<script>")).then().statusCode(400)
                .body(containsString("no such notice")).body(not(containsString("<script>")));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> MemberPreference.count("userId", admin.userId())));
    }
}
