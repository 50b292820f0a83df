package io.sitedeck.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13, items 4, 5, 7, 9 and 14: the sign-in and set-up paths an attacker tries first. */
@QuarkusTest
class SignInHardeningTest {

    @TestHTTPResource("/")
    URI root;

    @Inject
    LoginThrottle throttle;

    @Test
    void aCrossSiteSignInIsRefused() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        signIn(member).header("Origin", "https://evil.example").post("/j_security_check").then().statusCode(403)
                .body(containsString("came from another site"));
        signIn(member).header("Sec-Fetch-Site", "cross-site").post("/j_security_check").then().statusCode(403);
        signIn(member).header("Origin", "null").post("/j_security_check").then().statusCode(403);
        Session.signIn(member).request().header("Origin", "https://evil.example").contentType(ContentType.URLENC)
                .formParam("_csrf", Session.CSRF).post("/logout").then().statusCode(403);
        Response same = signIn(member).header("Origin", root.toString().replaceAll("/$", ""))
                .header("Sec-Fetch-Site", "same-origin").post("/j_security_check");
        assertTrue(same.getCookie("sitedeck-session") != null, "a same-origin sign-in works");
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        String form = "j_username=" + URLEncoder.encode(member.email(), StandardCharsets.UTF_8) + "&j_password=wrong-one";
        // From 127.0.0.2, which is not in quarkus.http.proxy.trusted-proxies (127.0.0.1), claiming another address.
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), root.getPort()));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /j_security_check HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 127.0.0.77\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                    + "\r\nConnection: close\r\n\r\n" + form).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
        AuditEvent attempt = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "actor = ?1 and action = 'sign-in' order by id desc", member.email()).firstResult());
        assertEquals("127.0.0.2", attempt.clientIp, "the peer's own address, not the one it claimed");
    }

    @Test
    void everyFailedSignInDoesTheSameWork() {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.Member disabled = Accounts.memberOf(admin.tenantId(), Role.VIEWER);
        QuarkusTransaction.requiringNew().run(() -> AppUser.<AppUser>findById(disabled.userId()).enabled = false);
        String pending = QuarkusTransaction.requiringNew().call(() -> AppUser.create(admin.tenantId(),
                Person.create("pending-" + admin.email(), Instant.now()), Role.VIEWER, Instant.now()).email);
        Accounts.Member waiting = Accounts.tenantWith(Role.VIEWER);
        // 12 failures from one address: that pair now waits 64 s, far longer than this test runs.
        for (int i = 0; i < 12; i++) {
            attemptFrom("127.0.0.21", waiting.email(), "guess-" + i);
        }
        Map<String, String> failures = Map.of("unknown", "nobody-" + admin.email(), "disabled", disabled.email(),
                "pending", pending, "wrong", admin.email(), "waiting", waiting.email());
        for (Map.Entry<String, String> failure : failures.entrySet()) {
            long before = Passwords.VERIFICATIONS.get();
            Response answer = attemptFrom("127.0.0.21", failure.getValue(),
                    "wrong".equals(failure.getKey()) ? "not-the-password" : Accounts.PASSWORD);
            assertNull(answer.getCookie("sitedeck-session"), failure.getKey());
            assertEquals(1, Passwords.VERIFICATIONS.get() - before, failure.getKey() + ": exactly one bcrypt check");
        }
    }

    @Test
    void countersAreForgottenAfterAQuietHour() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        attemptFrom("127.0.0.31", member.email(), "guess");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SignInFailure.count()) > 0);
        throttle.forgetBefore(Instant.now().plusSeconds(3600));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> SignInFailure.count()));
    }

    @Test
    void passwordsLongerThanBcryptReadsAreRefusedWithAMessage() {
        String tooLong = "é".repeat(40); // 80 bytes in UTF-8, 40 characters
        assertTrue(Passwords.problemWith(tooLong, tooLong).contains("72 bytes"));
        assertNull(Passwords.problemWith("a".repeat(72), "a".repeat(72)));
        String stored = Passwords.hash("a".repeat(72));
        assertTrue(Passwords.matches("a".repeat(72), stored));
        assertTrue(!Passwords.matches("a".repeat(72) + "anything", stored), "bcrypt would have ignored the tail");
    }

    @Test
    void theStartUpBannerGivesTheOneTimeSetUpLink() throws Exception {
        String log = Files.readString(Path.of("target/test-logs/quarkus.log"));
        assertTrue(log.contains("Sitedeck console: http://localhost:"), "the console's URL");
        assertTrue(log.contains("/setup?token=" + Accounts.SETUP_TOKEN), "the set-up link with its token");
        assertTrue(log.contains("Domotz sandbox API: http://localhost:"), "the sandbox's URL");
    }

    @Test
    void addingAnEmailOfAnotherTeamSaysNothingAboutItAndOpensNothing() {
        Accounts.Member elsewhere = Accounts.tenantWith(Role.VIEWER);
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Session session = Session.signIn(admin);
        String known = session.post("/members", Map.of("email", elsewhere.email(), "role", "VIEWER")).then()
                .statusCode(200).extract().asString();
        String fresh = session.post("/members", Map.of("email", "new-" + elsewhere.email(), "role", "VIEWER")).then()
                .statusCode(200).extract().asString();
        String notice = "Give them this one-time link to join; it is shown only now and works for 7 days.";
        assertTrue(known.contains(notice) && fresh.contains(notice), "the same answer for both");
        assertFalse(known.contains("already"), "nothing about the other tenant");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<code class=\"setup-link\">(/welcome/[^<]+)</code>")
                .matcher(known);
        assertTrue(link.find());

        // The link alone opens nothing: it asks for the password the person already has.
        Session.signIn(elsewhere).get("/").then().statusCode(200); // still one tenant: no choice to make
        given().redirects().follow(false).cookie("sitedeck-csrf", Session.CSRF).contentType(ContentType.URLENC)
                .formParam("_csrf", Session.CSRF).formParam("password", "someone-elses-new-password")
                .formParam("confirmation", "someone-elses-new-password").post(link.group(1)).then().statusCode(400);
        Session.signIn(elsewhere).get("/").then().statusCode(200);
        assertEquals(List.of("failed: wrong password"), QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.<AuditEvent>list("tenantId = ?1 and action = 'member.join'", admin.tenantId())).stream()
                .map(event -> event.outcome).toList());

        given().redirects().follow(false).cookie("sitedeck-csrf", Session.CSRF).contentType(ContentType.URLENC)
                .formParam("_csrf", Session.CSRF).formParam("password", Accounts.PASSWORD).post(link.group(1))
                .then().statusCode(303);
        Session.signIn(elsewhere).get("/").then().statusCode(303).header("Location", endsWith("/tenants/choose"));
    }

    private static io.restassured.specification.RequestSpecification signIn(Accounts.Member member) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam("j_username", member.email())
                .formParam("j_password", Accounts.PASSWORD);
    }

    private static Response attemptFrom(String address, String email, String password) {
        return given().redirects().follow(false).header("X-Forwarded-For", address).contentType(ContentType.URLENC)
                .formParam("j_username", email).formParam("j_password", password).post("/j_security_check");
    }
}
