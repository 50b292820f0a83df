package io.sitedeck.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.annotations.Annotation;
import io.sitedeck.annotations.Bookmark;
import io.sitedeck.annotations.SavedView;
import io.sitedeck.events.StoredEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import io.sitedeck.testing.Webhooks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a person in two tenants chooses one after sign-in, sees it in the header, switches in
 * one request, and after the switch every tenant-scoped URL of the other tenant answers 404 and
 * changes nothing.
 */
@QuarkusTest
class TenantSwitchTest {

    private Accounts.Member inA;
    private Accounts.Member inB;
    private Accounts.Member adminOfB;
    private String nameA;
    private String nameB;

    @BeforeEach
    void aPersonInTwoTenants() {
        inA = Accounts.tenantWith(Role.ADMIN);
        adminOfB = Accounts.tenantWith(Role.ADMIN);
        inB = Accounts.alsoMemberOf(inA, adminOfB.tenantId(), Role.TECHNICIAN);
        nameA = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findById(inA.tenantId()).name);
        nameB = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findById(inB.tenantId()).name);
    }

    @Test
    void choosesAfterSignInAndSwitchesFromTheHeader() {
        Session signedIn = Session.signIn(inA);
        signedIn.get("/").then().statusCode(303).header("Location", endsWith("/tenants/choose"));
        signedIn.get("/agents").then().statusCode(303).header("Location", endsWith("/tenants/choose"));
        signedIn.post("/members", Map.of("email", "x-" + UUID.randomUUID() + "@x.example", "role", "VIEWER")).then()
                .statusCode(409);
        signedIn.get("/tenants/choose").then().statusCode(200).body(containsString(nameA)).body(containsString(nameB))
                .body(not(containsString("sse-connect")));

        Session a = signedIn.switchTo(inA.userId());
        a.get("/").then().statusCode(200).body(containsString("<span class=\"tenant-name\">" + nameA + "</span>"))
                .body(containsString("hx-get=\"/tenants/menu\""));
        a.get("/tenants/menu").then().statusCode(200).body(containsString("✓ " + nameA))
                .body(containsString("name=\"member\" value=\"" + inB.userId() + "\""));
        a.get("/members").then().statusCode(200);

        Session b = a.switchTo(inB.userId());
        b.get("/").then().statusCode(200).body(containsString("<span class=\"tenant-name\">" + nameB + "</span>"));
        b.get("/members").then().statusCode(403); // a technician in B, whatever they are in A
        assertTrue(QuarkusTransaction.requiringNew().call(() -> io.sitedeck.audit.AuditEvent.count(
                "tenantId = ?1 and action = 'tenant.switch'", inB.tenantId())) == 1);
    }

    @Test
    void switchesOnlyToTheirOwnUsableMemberships() {
        Session a = Session.signIn(inA).switchTo(inA.userId());
        a.post("/tenants/switch", Map.of("member", adminOfB.userId())).then().statusCode(404);
        a.post("/tenants/switch", Map.of("member", "999999")).then().statusCode(404);
        a.request().contentType(io.restassured.http.ContentType.URLENC).formParam("member", inB.userId())
                .post("/tenants/switch").then().statusCode(403); // no CSRF field

        QuarkusTransaction.requiringNew().run(() -> AppUser.<AppUser>findById(inB.userId()).enabled = false);
        a.post("/tenants/switch", Map.of("member", inB.userId())).then().statusCode(404);
        // With one usable tenant left, sign-in goes straight in and the header offers no switch.
        Session.signIn(inA).get("/").then().statusCode(200).body(not(containsString("hx-get=\"/tenants/menu\"")))
                .body(not(containsString("class=\"tenant-name\""))).body(containsString("<span class=\"who-tenant\">" + nameA));
    }

    @Test
    void afterTheSwitchTheOtherTenantsIdsAreNotFoundAndNothingChanges() {
        // An admin in both: what stops them in B is the tenant, not a role.
        QuarkusTransaction.requiringNew().run(() -> AppUser.<AppUser>findById(inB.userId()).role = Role.ADMIN);
        Session a = Session.signIn(inA).switchTo(inA.userId());
        long connection = Accounts.sandboxConnection(inA, "Key of A");
        a.post("/connections/use", Map.of("id", String.valueOf(connection))).then().statusCode(303);
        a.post("/agents/5003/devices/101002/notes", Map.of("version", "-1", "note", "A-only note", "tags", "a-only",
                "owner", "")).then().statusCode(303);
        a.post("/bookmarks", Map.of("agentId", "5003", "deviceId", "101002", "label", "Bookmark of A")).then()
                .statusCode(303);
        a.post("/views", Map.of("name", "View of A", "url", "/agents/5003?status=DOWN", "shared", "true")).then()
                .statusCode(303);
        String tokenA = Webhooks.tokenOf(inA.tenantId());
        Webhooks.post(tokenA, Webhooks.deviceStatus(5003, 101002, "DOWN", Instant.now())).then().statusCode(201);
        long note = only(Annotation.class, inA.tenantId());
        long bookmark = only(Bookmark.class, inA.tenantId());
        long view = only(SavedView.class, inA.tenantId());
        only(StoredEvent.class, inA.tenantId());

        Session b = a.switchTo(inB.userId());
        Accounts.sandboxConnection(inB, "Key of B");
        for (String path : List.of("/connections/" + connection + "/name", "/connections/" + connection + "/delete",
                "/connections/" + connection + "/default", "/bookmarks/" + bookmark + "/delete",
                "/views/" + view + "/delete", "/annotations/orphans/" + note + "/delete",
                "/members/" + inA.userId() + "/role", "/members/" + inA.userId() + "/enabled")) {
            b.post(path, Map.of("name", "Mine now", "role", "VIEWER", "enabled", "false")).then().statusCode(404);
        }
        b.post("/connections/use", Map.of("id", String.valueOf(connection))).then().statusCode(404);
        b.get("/agents/5003/devices/101002").then().statusCode(200).body(not(containsString("A-only note")));
        b.get("/bookmarks").then().body(not(containsString("Bookmark of A")));
        b.get("/views").then().body(not(containsString("View of A")));
        b.get("/events").then().statusCode(200).body(not(containsString("href=\"/agents/5003/devices/101002\"")));
        b.get("/search?q=a-only").then().statusCode(200).body(not(containsString("A-only note")));
        b.get("/alerts/webhook").then().statusCode(200).body(not(containsString(tokenA)));
        b.get("/audit").then().statusCode(200).body(not(containsString("annotation.edit")));
        b.get("/annotations/orphans").then().statusCode(200).body(not(containsString("A-only note")));

        a = Session.signIn(inA).switchTo(inA.userId());
        a.get("/connections").then().body(containsString("Key of A")).body(not(containsString("Key of B")));
        a.get("/bookmarks").then().body(containsString("Bookmark of A"));
        a.get("/views").then().body(containsString("View of A"));
        a.get("/agents/5003/devices/101002/notes").then().body(containsString("A-only note"));
        a.get("/events").then().body(containsString("href=\"/agents/5003/devices/101002\""));
        a.get("/alerts/webhook").then().statusCode(200).body(containsString(tokenA));
        a.get("/audit").then().statusCode(200).body(containsString("annotation.edit"));
        assertEquals(1, Webhooks.stored(inA.tenantId()).size(), "A's event stayed A's");
        assertEquals(0, Webhooks.stored(inB.tenantId()).size());
        assertEquals(Role.ADMIN, QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>findById(inA.userId()).role));
    }

    private static long only(Class<? extends io.quarkus.hibernate.orm.panache.PanacheEntityBase> type, long tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                    .createQuery("select e.id from " + type.getSimpleName() + " e where e.tenantId = ?1")
                    .setParameter(1, tenantId).getResultList();
            assertEquals(1, rows.size(), type.getSimpleName());
            return ((Number) rows.get(0)).longValue();
        });
    }
}
