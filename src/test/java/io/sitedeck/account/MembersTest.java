package io.sitedeck.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Admins manage members; new members set their own password through a one-time link. */
@QuarkusTest
class MembersTest {

    private static final Pattern LINK = Pattern.compile("<code class=\"setup-link\">(/welcome/[A-Za-z0-9_-]+)</code>");

    @Test
    void addedMemberSetsTheirPasswordOnceAndSignsIn() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@msp.example";
        Response added = Session.signIn(admin).post("/members", Map.of("email", email, "role", "TECHNICIAN"));
        added.then().statusCode(200).body(containsString("one-time link"));
        Matcher link = LINK.matcher(added.asString());
        assertEquals(true, link.find(), "the set-up link is shown to the admin");

        given().get(link.group(1)).then().statusCode(200).body(containsString(email));
        welcome(link.group(1), "too-short").then().statusCode(400).body(containsString("at least 12"));
        welcome(link.group(1), Accounts.PASSWORD).then().statusCode(303);
        welcome(link.group(1), Accounts.PASSWORD).then().statusCode(404);

        Session.signIn(email, Accounts.PASSWORD).get("/").then().statusCode(200);
        AppUser member = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>find("email", email).firstResult());
        assertEquals(Role.TECHNICIAN, member.role);
        assertEquals(admin.tenantId(), member.tenantId);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.count("action = 'member.add' and target = ?1", email)));
    }

    @Test
    void changesRolesAndDisablesMembers() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member viewer = Accounts.memberOf(admin.tenantId(), Role.VIEWER);
        Session session = Session.signIn(admin);
        session.post("/members/" + viewer.userId() + "/role", Map.of("role", "TECHNICIAN")).then().statusCode(303);
        session.post("/members/" + viewer.userId() + "/enabled", Map.of("enabled", "false")).then().statusCode(303);
        AppUser changed = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>findById(viewer.userId()));
        assertEquals(Role.TECHNICIAN, changed.role);
        assertFalse(changed.enabled);
        session.get("/members").then().statusCode(200).body(containsString("disabled"));
        session.get("/audit?action=member.role").then().body(containsString("VIEWER → TECHNICIAN"));
    }

    @Test
    void theLastAdminCannotLeaveTheRole() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Session session = Session.signIn(admin);
        session.post("/members/" + admin.userId() + "/role", Map.of("role", "VIEWER")).then().statusCode(409)
                .body(containsString("last admin"));
        session.post("/members/" + admin.userId() + "/enabled", Map.of("enabled", "false")).then().statusCode(409);
        assertEquals(Role.ADMIN, QuarkusTransaction.requiringNew().call(() ->
                AppUser.<AppUser>findById(admin.userId()).role));

        Accounts.Member second = Accounts.memberOf(admin.tenantId(), Role.ADMIN);
        session.post("/members/" + second.userId() + "/role", Map.of("role", "VIEWER")).then().statusCode(303);
    }

    @Test
    void onlyAdminsManageMembersWhateverTheyCraft() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        for (Role role : new Role[] {Role.TECHNICIAN, Role.VIEWER}) {
            Accounts.Member member = Accounts.memberOf(admin.tenantId(), role);
            Session session = Session.signIn(member);
            session.get("/members").then().statusCode(403);
            session.get("/audit").then().statusCode(403);
            session.post("/members", Map.of("email", "sneaky@msp.example", "role", "ADMIN")).then().statusCode(403);
            session.post("/members/" + member.userId() + "/role", Map.of("role", "ADMIN")).then().statusCode(403);
            session.post("/members/" + admin.userId() + "/enabled", Map.of("enabled", "false")).then().statusCode(403);
            assertEquals(role, QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>findById(member.userId()).role));
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> AppUser.count("email", "sneaky@msp.example")));
    }

    private static Response welcome(String link, String password) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).cookie("sitedeck-csrf", Session.CSRF)
                .formParam("_csrf", Session.CSRF).formParam("password", password)
                .formParam("confirmation", password).post(link);
    }
}
