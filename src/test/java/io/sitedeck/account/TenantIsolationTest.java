package io.sitedeck.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two tenants side by side: every tenant-scoped URL, tried with the other tenant's ids, answers
 * 404 and changes nothing; lists never show the other tenant's rows.
 */
@QuarkusTest
class TenantIsolationTest {

    @Test
    void anotherTenantsIdsAreNotFound() {
        Accounts.Member alice = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member bob = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member bobsViewer = Accounts.memberOf(bob.tenantId(), Role.VIEWER);
        long bobsConnection = Accounts.sandboxConnection(bob, "Bob's key");
        Session session = Session.signIn(alice);

        for (String path : List.of("/members/" + bobsViewer.userId() + "/role", "/members/" + bobsViewer.userId() + "/enabled")) {
            session.post(path, Map.of("role", "ADMIN", "enabled", "false")).then().statusCode(404);
        }
        for (String action : List.of("name", "key", "test", "default", "delete")) {
            session.post("/connections/" + bobsConnection + "/" + action, Map.of("name", "Mine now", "apiKey", "x"))
                    .then().statusCode(404);
        }
        session.post("/connections/use", Map.of("id", String.valueOf(bobsConnection))).then().statusCode(404);

        AppUser untouched = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>findById(bobsViewer.userId()));
        assertEquals(Role.VIEWER, untouched.role);
        assertEquals(true, untouched.enabled);
        assertEquals("Bob's key", QuarkusTransaction.requiringNew().call(() ->
                DomotzConnection.<DomotzConnection>findById(bobsConnection).name));
    }

    @Test
    void listsShowOnlyTheOwnTenant() {
        Accounts.Member alice = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member bob = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(bob, "Bob-only connection");
        Session.signIn(bob); // leaves a sign-in record in Bob's audit log
        Session session = Session.signIn(alice);

        session.get("/members").then().statusCode(200).body(containsString(alice.email()))
                .body(not(containsString(bob.email())));
        session.get("/audit").then().statusCode(200).body(containsString(alice.email()))
                .body(not(containsString(bob.email())));
        session.get("/connections").then().statusCode(200).body(not(containsString("Bob-only connection")));
    }

    @Test
    void aMemberSeesOnlyTheirOwnConnectionsEvenInTheirTenant() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member colleague = Accounts.memberOf(admin.tenantId(), Role.TECHNICIAN);
        long colleagues = Accounts.sandboxConnection(colleague, "Colleague's key");
        Session session = Session.signIn(admin);
        session.get("/connections").then().statusCode(200).body(not(containsString("Colleague's key")));
        session.post("/connections/" + colleagues + "/test").then().statusCode(404);
    }
}
