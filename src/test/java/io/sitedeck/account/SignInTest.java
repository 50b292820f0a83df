package io.sitedeck.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Form sign-in and sign-out, the refusals, lock-out, and what htmx gets when a session is gone. */
@QuarkusTest
class SignInTest {

    @Test
    void signsInAndReturnsToTheBookmarkedPage() {
        Accounts.Member member = Accounts.tenantWith(Role.TECHNICIAN);
        Response bounced = given().redirects().follow(false).get("/connections");
        assertEquals(302, bounced.statusCode());
        String remembered = bounced.getCookie("quarkus-redirect-location");
        assertTrue(remembered != null && remembered.contains("/connections"), "the original URL is kept");

        Response login = given().redirects().follow(false).cookie("quarkus-redirect-location", remembered)
                .contentType(ContentType.URLENC).formParam("j_username", member.email())
                .formParam("j_password", Accounts.PASSWORD).post("/j_security_check");
        assertEquals(302, login.statusCode());
        assertTrue(login.getHeader("Location").endsWith("/connections"), login.getHeader("Location"));
        String cookie = login.getDetailedCookie("sitedeck-session").toString();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertEquals("ok", lastSignIn(member.email()).outcome);
    }

    @Test
    void wrongPasswordOrUnknownEmailGetTheSameGenericAnswer() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Response wrong = attempt(member.email(), "not-the-password");
        Response unknown = attempt("nobody-" + member.email(), Accounts.PASSWORD);
        assertTrue(wrong.getHeader("Location").endsWith("/login?error=1"));
        assertEquals(wrong.getHeader("Location"), unknown.getHeader("Location"));
        given().get("/login?error=1").then().body(containsString("Wrong email or password."));
        assertEquals("failed: wrong password", lastSignIn(member.email()).outcome);
    }

    @Test
    void locksAnAccountAfterRepeatedFailuresAndAuditsIt() {
        Accounts.Member member = Accounts.tenantWith(Role.ADMIN);
        for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
            attempt(member.email(), "guess-" + i);
        }
        Response locked = attempt(member.email(), Accounts.PASSWORD);
        assertTrue(locked.getHeader("Location").endsWith("/login?error=1"), "even the right password is refused");
        assertNull(locked.getCookie("sitedeck-session"));

        List<String> outcomes = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "actor = ?1 and action = 'sign-in' order by id", member.email()).stream().map(e -> e.outcome).toList());
        assertTrue(outcomes.stream().anyMatch(o -> o.contains("account locked for")), outcomes.toString());
        assertTrue(outcomes.get(outcomes.size() - 1).startsWith("refused: account locked"), outcomes.toString());
    }

    @Test
    void disabledMembersCannotSignInAndLoseTheirSession() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member viewer = Accounts.memberOf(admin.tenantId(), Role.VIEWER);
        Session viewerSession = Session.signIn(viewer);
        viewerSession.get("/").then().statusCode(200);

        Session.signIn(admin).post("/members/" + viewer.userId() + "/enabled", Map.of("enabled", "false"))
                .then().statusCode(303);

        viewerSession.get("/").then().statusCode(302).header("Location", containsString("/login"));
        assertNull(attempt(viewer.email(), Accounts.PASSWORD).getCookie("sitedeck-session"));
    }

    @Test
    void htmxRequestWithoutSessionGets401WithHxLocation() {
        given().redirects().follow(false).header("HX-Request", "true").get("/connections")
                .then().statusCode(401).header("HX-Location", "/login");
    }

    @Test
    void signsOut() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Response out = Session.signIn(member).post("/logout");
        assertEquals(303, out.statusCode());
        assertTrue(out.getHeader("Location").endsWith("/login?out"));
        assertTrue(out.getDetailedCookie("sitedeck-session").getMaxAge() == 0, "the session cookie is cleared");
        assertEquals("sign-out", QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "actor = ?1 order by id desc", member.email()).firstResult().action));
    }

    private static Response attempt(String email, String password) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam("j_username", email)
                .formParam("j_password", password).post("/j_security_check");
    }

    private static AuditEvent lastSignIn(String email) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "actor = ?1 and action = 'sign-in' order by id desc", email).firstResult());
    }
}
