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
    void slowsDownTheGuessersAddressButNotTheOwnerElsewhere() {
        Accounts.Member member = Accounts.tenantWith(Role.ADMIN);
        String guesser = "127.0.0.11"; // forwarded by the trusted local proxy (the test client)
        // 8 failures: the guesser's address waits 4 s for this email (far longer than the next
        // request takes); the email itself (10 free failures) does not wait.
        for (int i = 0; i < 8; i++) {
            attemptFrom(guesser, member.email(), "guess-" + i);
        }
        Response waiting = attemptFrom(guesser, member.email(), Accounts.PASSWORD);
        assertTrue(waiting.getHeader("Location").endsWith("/login?error=1"), "the guesser's address must wait");
        assertNull(waiting.getCookie("sitedeck-session"));
        Response owner = attemptFrom("127.0.0.12", member.email(), Accounts.PASSWORD);
        assertTrue(owner.getCookie("sitedeck-session") != null, "the owner, elsewhere, is not locked out");

        List<AuditEvent> outcomes = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "actor = ?1 and action = 'sign-in' order by id", member.email()));
        assertTrue(outcomes.get(outcomes.size() - 2).outcome.startsWith("refused: too many failures"),
                outcomes.stream().map(e -> e.outcome).toList().toString());
        assertEquals(guesser, outcomes.get(outcomes.size() - 2).clientIp);
        assertEquals("ok", outcomes.get(outcomes.size() - 1).outcome);
    }

    private static Response attemptFrom(String address, String email, String password) {
        return given().redirects().follow(false).header("X-Forwarded-For", address).contentType(ContentType.URLENC)
                .formParam("j_username", email).formParam("j_password", password).post("/j_security_check");
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
