package io.sitedeck.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/**
 * A signed-in browser, as far as HTTP goes: the session cookie from form login, and a CSRF cookie
 * whose value every form repeats (the double-submit the console expects). Redirects are not followed.
 */
public record Session(String sessionCookie) {

    public static final String CSRF = "test-csrf-token-0123456789";

    public static Session signIn(String email, String password) {
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", email).formParam("j_password", password).post("/j_security_check");
        String cookie = login.getCookie("sitedeck-session");
        assertNotNull(cookie, "signed in as " + email + " (status " + login.statusCode() + ", to "
                + login.getHeader("Location") + ")");
        return new Session(cookie);
    }

    public static Session signIn(Accounts.Member member) {
        return signIn(member.email(), Accounts.PASSWORD);
    }

    /** A new tenant's member of this role, with a connection to the embedded sandbox, signed in. */
    public static Session withSandbox(io.sitedeck.account.Role role) {
        Accounts.Member member = Accounts.tenantWith(role);
        Accounts.sandboxConnection(member, "Sandbox");
        return signIn(member);
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookie("sitedeck-session", sessionCookie).cookie("sitedeck-csrf", CSRF);
    }

    public Response get(String path) {
        return request().get(path);
    }

    /** A form post with the CSRF field, as the console's own forms send it. */
    public Response post(String path, Map<String, ?> form) {
        return request().contentType(ContentType.URLENC).formParams(form).formParam("_csrf", CSRF).post(path);
    }

    /** A post as htmx sends it: the CSRF token in its header, {@code HX-Request} set. */
    public Response htmxPost(String path, Map<String, ?> form) {
        return request().contentType(ContentType.URLENC).formParams(form).header("HX-Request", "true")
                .header("X-CSRF-Token", CSRF).post(path);
    }

    /** A fragment request as htmx sends it. */
    public Response htmxGet(String path) {
        return request().header("HX-Request", "true").get(path);
    }

    public Response post(String path) {
        return post(path, Map.of());
    }

    /** Switches this session to the person's membership {@code memberId}: the session the new cookie carries. */
    public Session switchTo(long memberId) {
        Response switched = post("/tenants/switch", Map.of("member", memberId));
        String cookie = switched.getCookie("sitedeck-session");
        assertNotNull(cookie, "switched to member " + memberId + " (status " + switched.statusCode() + ")");
        return new Session(cookie);
    }
}
