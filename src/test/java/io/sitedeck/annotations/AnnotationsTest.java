package io.sitedeck.annotations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.MovableClock;
import io.sitedeck.testing.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Team notes on sites and devices: create, edit, history, conflicts, safe rendering, tag search,
 * orphans, roles and tenant isolation. {@code PostgresAnnotationsTest} runs the same on PostgreSQL.
 */
@QuarkusTest
class AnnotationsTest {

    static final String DEVICE = "/agents/5003/devices/101001";

    Accounts.Member technician;
    Session session;

    @BeforeEach
    void signIn() {
        technician = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(technician, "Sandbox");
        session = Session.signIn(technician);
    }

    @Test
    void createsEditsAndKeepsTheHistory() {
        session.post(DEVICE + "/notes", form("-1", "Reception printer. Call Anna before rebooting.", "printer, Reception",
                "Anna (front desk)", "Warranty end", "2029-03-31")).then().statusCode(303)
                .header("Location", containsString(DEVICE + "#notes"));
        session.get(DEVICE).then().statusCode(200).body(containsString("Call Anna before rebooting."))
                .body(containsString(">printer</span>")).body(containsString(">reception</span>"))
                .body(containsString("Anna (front desk)")).body(containsString("<dt>Warranty end</dt><dd>2029-03-31</dd>"));

        session.post(DEVICE + "/notes", form("0", "Reception printer. Call Anna before rebooting.", "printer",
                "Ben (IT)", "Warranty end", "2030-01-01")).then().statusCode(303);
        String history = session.get(DEVICE + "/notes").then().statusCode(200).extract().asString();
        assertTrue(history.contains("History (2 changes)"), history);
        assertTrue(history.contains("<em>owner</em>: <del>Anna (front desk)</del> → <ins>Ben (IT)</ins>"), history);
        assertTrue(history.contains("<em>tags</em>: <del>printer reception</del> → <ins>printer</ins>"), history);
        assertTrue(history.contains("<em>Warranty end</em>: <del>2029-03-31</del> → <ins>2030-01-01</ins>"), history);
        assertTrue(history.contains(technician.email()), "the history names who changed it");
    }

    @Test
    void theFormSuggestsTheTenantsTagsWithoutReadingThemForEveryPage() {
        String device = "/agents/5003/devices/101002";
        session.post(device + "/notes", form("-1", "Core switch", "network, Rack-A", "", "", "")).then().statusCode(303);
        // Saved on this instance: suggested at once.
        session.get(DEVICE).then().body(containsString("<option value=\"network\"><option value=\"rack-a\">"));
        try {
            // Tagged by another instance (straight into the database): suggested once the tags are a minute old.
            QuarkusTransaction.requiringNew().run(() -> Annotation.update("tags = 'network rack-a wan' where tenantId = ?1",
                    technician.tenantId()));
            session.get(DEVICE).then().body(not(containsString("<option value=\"wan\">")));
            MovableClock.advance(TenantTags.FRESH_FOR);
            session.get(DEVICE).then().body(containsString("<option value=\"wan\">"));
        } finally {
            MovableClock.reset();
        }
        // Another tenant's tags are never suggested.
        Accounts.Member stranger = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(stranger, "Sandbox");
        Session.signIn(stranger).get(DEVICE).then().statusCode(200).body(not(containsString("<option value=\"network\">")));
    }

    @Test
    void aSecondSaveFromAnOldVersionIsAConflictNotALostUpdate() {
        Accounts.Member other = Accounts.memberOf(technician.tenantId(), Role.TECHNICIAN);
        Accounts.sandboxConnection(other, "Sandbox");
        Session colleague = Session.signIn(other);
        session.post(DEVICE + "/notes", form("-1", "First words", "", "", "", "")).then().statusCode(303);
        // Both now open version 0; one saves, then the other.
        session.post(DEVICE + "/notes", form("0", "Mine: switch replaced 2026-03", "", "", "", "")).then()
                .statusCode(303);
        String conflict = colleague.post(DEVICE + "/notes", form("0", "Theirs: gate code 4711", "", "", "", ""))
                .then().statusCode(409).extract().asString();
        assertTrue(conflict.contains("Not saved"), conflict);
        assertTrue(conflict.contains("Mine: switch replaced 2026-03"), "the stored version is shown");
        assertTrue(conflict.contains("Theirs: gate code 4711"), "the version not saved is kept in the form");
        assertTrue(conflict.contains("name=\"version\" value=\"1\""), "saving again replaces the stored version");
        session.get(DEVICE + "/notes").then().body(containsString("Mine: switch replaced 2026-03"))
                .body(not(containsString("gate code 4711")));
        // Deliberately saving again after seeing both wins.
        colleague.post(DEVICE + "/notes", form("1", "Merged: switch replaced, gate code 4711", "", "", "", ""))
                .then().statusCode(303);
        session.get(DEVICE + "/notes").then().body(containsString("Merged: switch replaced"));
    }

    @Test
    void htmxGetsThePanelAndErrorsNextToTheField() {
        session.htmxPost(DEVICE + "/notes", form("-1", "In place", "ok-tag", "", "", "")).then().statusCode(200)
                .header("HX-Trigger", "notesChanged").body(containsString("Saved.")).body(not(containsString("<html")));
        session.htmxPost(DEVICE + "/notes", form("0", "Kept as typed", "not a <tag>!", "", "", "")).then()
                .statusCode(422).body(containsString("Tags are single words"))
                .body(containsString("Kept as typed")).body(containsString("aria-invalid=\"true\""));
        session.htmxPost(DEVICE + "/notes", form("0", "x", "", "", "", "orphan value")).then().statusCode(422)
                .body(containsString("needs a field name"));
        session.get(DEVICE + "/notes").then().body(containsString("In place")).body(not(containsString("Kept as typed")));
    }

    @Test
    void rendersNotesSafely() {
        session.post(DEVICE + "/notes", form("-1", "<script>alert(1)</script> **careful**\n- see https://example.com/kb?a=1&b=2.\n- `reboot` javascript:alert(2)",
                "", "<b>owner</b>", "", "")).then().statusCode(303);
        String page = session.get(DEVICE + "/notes").then().extract().asString();
        assertFalse(page.contains("<script>alert(1)"), "typed HTML is never HTML");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertTrue(page.contains("<strong>careful</strong>"), page);
        assertTrue(page.contains("<a href=\"https://example.com/kb?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\""), page);
        assertTrue(page.contains("<li><code>reboot</code> javascript:alert(2)</li>"), page);
        assertTrue(page.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>careful</strong></p><ul><li>see"), page);
        assertTrue(page.contains("&lt;b&gt;owner&lt;/b&gt;"), page);
    }

    @Test
    void tagsAndNotesAreSearchableInTheDevicesTable() {
        session.post("/agents/5003/devices/101004/notes", form("-1", "Spare toner in cupboard B", "printer", "", "", ""))
                .then().statusCode(303);
        session.post("/agents/5003/devices/101006/notes", form("-1", "", "printer, floor2", "", "", "")).then()
                .statusCode(303);
        String tagged = session.get("/agents/5003?q=tag:printer").then().statusCode(200)
                .body(containsString("2 of ")).extract().asString();
        assertTrue(tagged.contains("/agents/5003/devices/101004\"") && tagged.contains("/agents/5003/devices/101006\""));
        assertTrue(tagged.contains("class=\"tag tag-c"), "tags show as chips");
        session.get("/agents/5003?q=tag:floor2").then().body(containsString("1 of "));
        session.get("/agents/5003?q=toner").then().body(containsString("1 of "))
                .body(containsString("/agents/5003/devices/101004\""));
        session.get("/agents/5003?q=tag:printer+toner").then().body(containsString("1 of "));
    }

    @Test
    void siteNotesToo() {
        session.post("/agents/5003/notes", form("-1", "Gate code 4711, access 8-18h", "vip", "Facility: Carla", "", ""))
                .then().statusCode(303).header("Location", containsString("/agents/5003#notes"));
        session.get("/agents/5003").then().body(containsString("Gate code 4711")).body(containsString("Facility: Carla"));
    }

    @Test
    void viewersReadButDoNotWriteAndFormsNeedTheToken() {
        session.post(DEVICE + "/notes", form("-1", "Read me", "", "", "", "")).then().statusCode(303);
        Accounts.Member member = Accounts.memberOf(technician.tenantId(), Role.VIEWER);
        Accounts.sandboxConnection(member, "Sandbox");
        Session viewer = Session.signIn(member);
        viewer.get(DEVICE).then().body(containsString("Read me")).body(not(containsString("Save notes")));
        viewer.post(DEVICE + "/notes", form("0", "Vandalised", "", "", "", "")).then().statusCode(403);
        session.request().contentType(ContentType.URLENC).formParams(form("0", "Forged", "", "", "", ""))
                .post(DEVICE + "/notes").then().statusCode(403);
        session.get(DEVICE + "/notes").then().body(containsString("Read me")).body(not(containsString("Forged")));
    }

    @Test
    void theAuditLogNamesTheFieldsButNeverTheText() {
        session.post(DEVICE + "/notes", form("-1", "secret-text-7c1e", "", "", "", "")).then().statusCode(303);
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.<AuditEvent>list("tenantId = ?1 and action = 'annotation.edit'", technician.tenantId()));
        assertEquals(1, events.size());
        assertEquals("ok: changed note", events.get(0).outcome);
        assertFalse(events.get(0).target.contains("secret-text-7c1e"));
    }

    @Test
    void anotherTenantNeverSeesThemAndCannotTouchThem() {
        session.post("/agents/5003/devices/101002/notes", form("-1", "Tenant A only", "a-only", "", "", "")).then()
                .statusCode(303);
        Session other = Session.withSandbox(Role.ADMIN);
        other.get("/agents/5003/devices/101002").then().body(not(containsString("Tenant A only")));
        other.get("/agents/5003?q=tag:a-only").then().body(containsString("0 of "));
        long id = QuarkusTransaction.requiringNew().call(() -> Annotation.<Annotation>find("tenantId", technician.tenantId())
                .firstResult().id);
        other.post("/annotations/orphans/" + id + "/delete").then().statusCode(404);
        session.get("/agents/5003/devices/101002/notes").then().body(containsString("Tenant A only"));
    }

    @Test
    void notesOutliveTheirDeviceAndAreListedAsOrphans() {
        String gone = "/agents/5033/devices/111010";
        session.post(gone + "/notes", form("-1", "Old switch, replaced", "retired", "", "", "")).then().statusCode(303);
        session.post("/agents/5033/devices/111999/notes", form("-1", "Never existed here", "", "", "", ""))
                .then().statusCode(303);
        session.post(gone + "/delete", Map.of("confirm", "yes", "once", java.util.UUID.randomUUID().toString()))
                .then().statusCode(303);
        given().header("X-Api-Key", Accounts.SANDBOX_KEY).get("/public-api/v1/agent/5033/device/111010")
                .then().statusCode(404);
        String orphans = session.get("/annotations/orphans").then().statusCode(200).extract().asString();
        assertTrue(orphans.contains("Old switch, replaced") && orphans.contains("Never existed here"), orphans);
        // A device that is still there is no orphan.
        session.post("/agents/5033/devices/111011/notes", form("-1", "Still here", "", "", "", "")).then().statusCode(303);
        session.get("/annotations/orphans").then().body(not(containsString("Still here")));
        long id = QuarkusTransaction.requiringNew().call(() -> Annotation.<Annotation>find(
                "tenantId = ?1 and deviceId = 111999", technician.tenantId()).firstResult().id);
        session.post("/annotations/orphans/" + id + "/delete").then().statusCode(303);
        session.get("/annotations/orphans").then().body(not(containsString("Never existed here")));
    }

    static Map<String, Object> form(String version, String note, String tags, String owner, String fieldName,
                                    String fieldValue) {
        Map<String, Object> form = new HashMap<>();
        form.put("version", version);
        form.put("note", note);
        form.put("tags", tags);
        form.put("owner", owner);
        form.put("fieldName", fieldName);
        form.put("fieldValue", fieldValue);
        return form;
    }
}
