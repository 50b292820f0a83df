package io.sitedeck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import org.junit.jupiter.api.Test;

/** CSRF refusals change nothing; every response carries the security headers. */
@QuarkusTest
class CsrfAndHeadersTest {

    @Test
    void refusesStateChangesWithoutAMatchingToken() {
        Accounts.Member member = Accounts.tenantWith(Role.ADMIN);
        Session session = Session.signIn(member);
        // no token at all
        session.request().contentType(ContentType.URLENC).formParam("name", "x").formParam("cell", "SANDBOX")
                .formParam("apiKey", "sandbox-demo-key").post("/connections").then().statusCode(403)
                .body(containsString("CSRF"));
        // a token that does not match the cookie
        session.request().contentType(ContentType.URLENC).formParam("_csrf", "forged").formParam("name", "x")
                .formParam("cell", "SANDBOX").formParam("apiKey", "sandbox-demo-key").post("/connections")
                .then().statusCode(403);
        // a token but no cookie (another site's form)
        given().redirects().follow(false).cookie("sitedeck-session", session.sessionCookie())
                .contentType(ContentType.URLENC).formParam("_csrf", Session.CSRF).formParam("email", "x@y.example")
                .formParam("role", "ADMIN").post("/members").then().statusCode(403);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> DomotzConnection.count("userId", member.userId())));
    }

    @Test
    void acceptsTheTokenAsTheHtmxHeader() {
        Accounts.Member member = Accounts.tenantWith(Role.TECHNICIAN);
        long id = Accounts.sandboxConnection(member, "Header");
        Session.signIn(member).request().header("X-CSRF-Token", Session.CSRF).post("/connections/" + id + "/default")
                .then().statusCode(303);
    }

    @Test
    void issuesTheTokenCookieOnFirstVisit() {
        Response login = given().get("/login");
        String cookie = login.getDetailedCookie("sitedeck-csrf").toString();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        login.then().body(containsString("<meta name=\"csrf-token\""));
    }

    @Test
    void sendsSecurityHeadersOnPagesAndStaticFiles() {
        for (Response response : new Response[] {given().get("/login"), given().get("/css/sitedeck.css"),
                Session.signIn(Accounts.tenantWith(Role.VIEWER)).get("/")}) {
            response.then().header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"))
                    .header("X-Frame-Options", equalTo("DENY"));
            assertTrue(!response.getHeader("Content-Security-Policy").contains("unsafe-inline"));
        }
    }

    @Test
    void marksCookiesSecureBehindHttps() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Response login = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .contentType(ContentType.URLENC).formParam("j_username", member.email())
                .formParam("j_password", Accounts.PASSWORD).post("/j_security_check");
        assertTrue(login.getDetailedCookie("sitedeck-session").isSecured(), login.getHeaders().toString());
        Response plain = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", member.email()).formParam("j_password", Accounts.PASSWORD)
                .post("/j_security_check");
        assertTrue(!plain.getDetailedCookie("sitedeck-session").isSecured(), "plain http on the embedded default");
    }

    @Test
    void leavesTheSandboxApiToItsKeys() {
        given().header("X-Api-Key", "sandbox-demo-key").contentType("application/json").body("\"Rack 9\"")
                .put("/public-api/v1/agent/5000/device/100006/details/room").then().statusCode(204);
    }
}
