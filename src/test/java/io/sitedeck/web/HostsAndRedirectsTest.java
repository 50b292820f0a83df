package io.sitedeck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13, items 10, 12 and 15: nothing absolute comes from Host, HTTPS gets HSTS and a __Host- cookie, bad parameters are 400. */
@QuarkusTest
class HostsAndRedirectsTest {

    @Test
    void redirectsAreRelativeWhateverTheHostHeaderSays() {
        Response bounced = given().redirects().follow(false).header("Host", "evil.example").get("/connections");
        assertEquals(302, bounced.statusCode());
        assertEquals("/login", bounced.getHeader("Location"));
        for (String host : java.util.List.of("evil.example:80", "EVIL.example:8443", "[::1]:9")) {
            assertEquals("/login", given().redirects().follow(false).header("Host", host).get("/connections")
                    .getHeader("Location"), host);
        }
        Session admin = Session.signIn(Accounts.tenantWith(Role.ADMIN));
        admin.request().header("Host", "evil.example").contentType(io.restassured.http.ContentType.URLENC)
                .formParam("_csrf", Session.CSRF).post("/logout").then().statusCode(303)
                .header("Location", startsWith("/login"));
    }

    @Test
    void theWebhookUrlShownToAdminsComesFromThePublicUrlNotTheHostHeader() {
        Session admin = Session.signIn(Accounts.tenantWith(Role.ADMIN));
        admin.request().header("Host", "evil.example").get("/alerts/webhook").then().statusCode(200)
                .body(not(containsString("evil.example"))).body(containsString("http://localhost:"));
    }

    @Test
    void httpsAddsHstsAndBindsTheCsrfCookieToTheOrigin() {
        // The test client is the trusted proxy (127.0.0.1), so its X-Forwarded-Proto counts.
        Response https = given().redirects().follow(false).header("X-Forwarded-Proto", "https").get("/login");
        assertEquals("max-age=31536000", https.getHeader("Strict-Transport-Security"));
        String cookie = https.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.contains("csrf")).findFirst()
                .orElseThrow();
        assertTrue(cookie.startsWith("__Host-sitedeck-csrf="), cookie);
        assertTrue(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"), cookie);
        Response plain = given().redirects().follow(false).get("/login");
        assertEquals(null, plain.getHeader("Strict-Transport-Security"));
    }

    @Test
    void malformedParametersAre400WithAMessage() {
        Accounts.Member member = Accounts.tenantWith(Role.ADMIN);
        long id = Accounts.sandboxConnection(member, "Sandbox");
        Session admin = Session.signIn(member);
        for (String back : List.of("/\\x", "//evil.example", "https://evil.example/", "/a b", "/%zz")) {
            Response answer = admin.post("/connections/use", Map.of("id", String.valueOf(id), "back", back));
            assertTrue(answer.statusCode() == 400 || "/a%20b".equals(answer.getHeader("Location")),
                    back + " → " + answer.statusCode() + " " + answer.asString());
            if (answer.statusCode() == 400) {
                assertTrue(answer.asString().contains("must be a path on this console"), answer.asString());
            }
        }
        for (String path : List.of("/agents/abc", "/agents/5003/devices/x", "/agents?page=-1&size=zz",
                "/events?from=yesterday", "/agents/5003/history?from=nope")) {
            int status = admin.get(path).statusCode();
            assertTrue(status < 500, path + " answered " + status);
        }
    }
}
