package io.sitedeck.account.factor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitedeck.account.Person;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.MovableClock;
import io.sitedeck.testing.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #20, a second factor for local accounts, time driven by the test's clock: enrolment with an
 * authenticator app, codes valid, reused and expired, recovery codes single-use, the tenant's rule
 * leading members through enrolment, an admin's reset, throttling, and the audit log.
 */
@QuarkusTest
class SecondFactorTest {

    private static final Pattern SECRET = Pattern.compile("<code class=\"totp-secret\">([A-Z2-7]+)</code>");
    private static final Pattern CODE = Pattern.compile("<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>");

    @AfterEach
    void presentTime() {
        MovableClock.reset();
    }

    @Test
    void enrolsAnAppThenEverySignInAsksForAFreshCode() {
        Accounts.Member member = Accounts.tenantWith(Role.TECHNICIAN);
        Enrolled enrolled = enrol(Session.signIn(member));
        assertEquals(10, enrolled.recoveryCodes().size());

        Session signedIn = Session.signIn(member);
        signedIn.get("/").then().statusCode(303).header("Location", endsWith("/second-factor"));
        signedIn.get("/agents").then().statusCode(303).header("Location", endsWith("/second-factor"));
        signedIn.post("/bookmarks", Map.of("agentId", "5000")).then().statusCode(409);
        String enrolmentCode = code(enrolled.secret(), 0);
        give(signedIn, enrolmentCode).then().statusCode(400).body(containsString("did not work")); // reused

        MovableClock.advance(Duration.ofSeconds(90));
        give(signedIn, code(enrolled.secret(), -2)).then().statusCode(400); // a minute old: expired
        String fresh = code(enrolled.secret(), 0);
        Response accepted = give(signedIn, fresh);
        accepted.then().statusCode(303).header("Location", endsWith("/"));
        Session in = new Session(accepted.getCookie("sitedeck-session"));
        in.get("/").then().statusCode(200);

        Session again = Session.signIn(member);
        give(again, fresh).then().statusCode(400); // the same code never works twice, in any session
        assertEquals(List.of("failed: wrong code", "ok: authenticator app"), outcomes(member, "second-factor.enrol"));
        List<String> uses = outcomes(member, "second-factor");
        assertEquals(3, uses.stream().filter(outcome -> outcome.equals("failed: wrong authenticator app")).count(), uses.toString());
        assertTrue(uses.contains("ok: authenticator app"));
    }

    @Test
    void recoveryCodesWorkOnceEach() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Enrolled enrolled = enrol(Session.signIn(member));
        String recovery = enrolled.recoveryCodes().get(3);
        Session first = Session.signIn(member);
        Response used = first.post("/second-factor/recovery", Map.of("code", recovery.toUpperCase()));
        used.then().statusCode(303);
        new Session(used.getCookie("sitedeck-session")).get("/").then().statusCode(200);

        Session second = Session.signIn(member);
        for (String wrong : List.of(recovery, "not-a-code")) {
            second.request().header("X-Forwarded-For", "127.0.0.48").contentType(io.restassured.http.ContentType.URLENC)
                    .formParam("code", wrong).formParam("_csrf", Session.CSRF).post("/second-factor/recovery").then()
                    .statusCode(400);
        }
        assertTrue(outcomes(member, "second-factor").contains("ok: recovery code (9 left)"));
        second.get("/second-factor/enrol").then().statusCode(303); // nothing else before the factor
    }

    @Test
    void theTenantsRuleLeadsAdminsThroughEnrolmentAndLetsOthersBe() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member otherAdmin = Accounts.memberOf(admin.tenantId(), Role.ADMIN);
        Accounts.Member technician = Accounts.memberOf(admin.tenantId(), Role.TECHNICIAN);
        Session adminSession = Session.signIn(admin);
        adminSession.post("/sign-in-settings/second-factor", Map.of("policy", "SOMETIMES")).then().statusCode(400);
        adminSession.post("/sign-in-settings/second-factor", Map.of("policy", "ADMINS")).then().statusCode(303);

        Session led = Session.signIn(otherAdmin);
        led.get("/").then().statusCode(303).header("Location", endsWith("/second-factor/enrol"));
        led.get("/members").then().statusCode(303);
        led.post("/members", Map.of("email", "x@y.example", "role", "VIEWER")).then().statusCode(409);
        led.get("/second-factor/enrol").then().statusCode(200).body(containsString("requires a second factor"));
        led.get("/second-factor/enrol/qr.png").then().statusCode(200).contentType("image/png");
        enrol(led);
        led.get("/").then().statusCode(200);
        Session.signIn(technician).get("/").then().statusCode(200);
        // The admin who set the rule has no factor either: their next click leads them to enrol.
        adminSession.get("/").then().statusCode(303).header("Location", endsWith("/second-factor/enrol"));
        assertEquals(List.of("ok: was OFF"), outcomes(admin, "second-factor.policy"));
    }

    @Test
    void anAdminResetsAMembersFactorAndItIsAudited() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member member = Accounts.memberOf(admin.tenantId(), Role.VIEWER);
        Session memberSession = Session.signIn(member);
        enrol(memberSession);
        Session adminSession = Session.signIn(admin);
        adminSession.get("/members").then().body(containsString("/members/" + member.userId() + "/second-factor/reset"));
        Session.signIn(Accounts.memberOf(admin.tenantId(), Role.TECHNICIAN))
                .post("/members/" + member.userId() + "/second-factor/reset").then().statusCode(403);
        adminSession.post("/members/" + member.userId() + "/second-factor/reset").then().statusCode(303);
        memberSession.get("/").then().statusCode(302); // their sessions ended
        Session.signIn(member).get("/").then().statusCode(200); // the password alone again
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Person.byEmail(member.email()).orElseThrow().secondFactor));
        assertEquals(List.of("ok"), outcomes(admin, "second-factor.reset"));

        // Someone who also belongs elsewhere keeps their factor: this admin cannot speak for the other tenant.
        Accounts.Member elsewhere = Accounts.tenantWith(Role.VIEWER);
        enrol(Session.signIn(elsewhere));
        Accounts.Member shared = Accounts.alsoMemberOf(elsewhere, admin.tenantId(), Role.VIEWER);
        adminSession.post("/members/" + shared.userId() + "/second-factor/reset").then().statusCode(409);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Person.byEmail(elsewhere.email()).orElseThrow().secondFactor));
        // The install's operator can.
        Accounts.Member operator = Accounts.tenantWith(Role.VIEWER);
        Accounts.operator(operator, true);
        Session.signIn(operator).post("/operator/second-factor/reset", Map.of("email", elsewhere.email())).then()
                .statusCode(303);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Person.byEmail(elsewhere.email()).orElseThrow().secondFactor));
        assertEquals(List.of("ok"), outcomes(shared, "operator.second-factor.reset"));
        Accounts.Member stranger = Accounts.tenantWith(Role.ADMIN);
        adminSession.post("/members/" + stranger.userId() + "/second-factor/reset").then().statusCode(404);
    }

    @Test
    void guessingCodesIsThrottledLikePasswords() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Enrolled enrolled = enrol(Session.signIn(member));
        Session session = Session.signIn(member);
        int last = 0;
        for (int i = 0; i < 12; i++) {
            last = give(session, "000000".equals(code(enrolled.secret(), 0)) ? "111111" : "000000").statusCode();
        }
        assertEquals(429, last, "waiting after repeated failures");
        give(session, code(enrolled.secret(), 1)).then().statusCode(429); // even the right code waits
        assertTrue(outcomes(member, "second-factor").contains("refused: too many failures"));
    }

    /** What enrolment gave: the app's secret and the recovery codes shown once. */
    record Enrolled(String secret, List<String> recoveryCodes) {}

    static Enrolled enrol(Session session) {
        Matcher secret = SECRET.matcher(session.get("/second-factor/enrol").then().statusCode(200).extract().asString());
        assertTrue(secret.find(), "the enrolment page shows the key");
        session.post("/second-factor/enrol/totp", Map.of("code", "000000".equals(code(secret.group(1), 0)) ? "111111" : "000000"))
                .then().statusCode(400);
        String page = session.post("/second-factor/enrol/totp", Map.of("code", code(secret.group(1), 0))).then()
                .statusCode(200).body(containsString("shown only now")).extract().asString();
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(page);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return new Enrolled(secret.group(1), codes);
    }

    /** The app's code {@code steps} steps from the clock's now. */
    static String code(String secret, int steps) {
        return Totp.code(secret, Totp.step(MovableClock.INSTANCE.instant()) + steps);
    }

    /**
     * Gives a code from an address of this test class's own (the trusted proxy on 127.0.0.1 forwards it):
     * the throttle also counts failures per address, and the other test classes sign in from 127.0.0.1.
     */
    private static Response give(Session session, String code) {
        return session.request().header("X-Forwarded-For", "127.0.0.47").contentType(io.restassured.http.ContentType.URLENC)
                .formParam("code", code).formParam("_csrf", Session.CSRF).post("/second-factor/totp");
    }

    private static List<String> outcomes(Accounts.Member member, String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "tenantId = ?1 and action = ?2 order by id", member.tenantId(), action)).stream().map(e -> e.outcome).toList();
    }
}
