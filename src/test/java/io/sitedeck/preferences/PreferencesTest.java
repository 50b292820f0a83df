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
        String all = session.get(SITE).then().statusCode(200).extract().asString();
        assertTrue(all.contains(">MAC</a></th>") && all.contains(">Latency</a></th>"), "all columns by default");

        session.post(SITE + "/columns", Map.of("col", List.of("ip", "status"), "back", SITE + "?sort=name&page=0"))
                .then().statusCode(303).header("Location", SITE + "?sort=name&page=0");
        String chosen = session.get(SITE).asString();
        assertTrue(chosen.contains(">IP</a></th>") && chosen.contains(">Status</a></th>"), "chosen columns shown");
        assertFalse(chosen.contains(">MAC</a></th>") || chosen.contains(">Latency</a></th>"), "others gone");
        // On every site of theirs; not for a colleague.
        assertFalse(session.get("/agents/5006").asString().contains(">MAC</a></th>"));
        assertTrue(Session.signIn(colleague).get(SITE).asString().contains(">MAC</a></th>"));
        // "Save this view" saves the columns with the filters; the view shows them whatever the member chooses later.
        assertTrue(chosen.contains("name=\"url\" value=\"" + SITE + "?sort=name&amp;size=50&amp;page=0&amp;cols=ip%2Cstatus\""),
                "the saved view's URL names its columns");
        session.post(SITE + "/columns", Map.of("col", List.of("mac"))).then().statusCode(303);
        String view = session.get(SITE + "?sort=name&size=50&page=0&cols=ip,status").asString();
        assertTrue(view.contains(">IP</a></th>") && !view.contains(">MAC</a></th>"), "the view's own columns");
        assertTrue(view.contains("cols=ip%2Cstatus"), "sort and page links keep the view's columns");

        session.post(SITE + "/columns", Map.of("col", List.of("ip", "password"))).then().statusCode(400)
                .body(containsString("Unknown column"));
        assertTrue(session.get(SITE).asString().contains(">MAC</a></th>"), "a refused choice changes nothing");
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
