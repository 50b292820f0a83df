package io.sitedeck.devices;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Session;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The device page's kept parts (history, facts, forms, notes, alert profiles: web.DrawnParts) carry forms; each
 * reader gets their own CSRF token in every form, never the reader's before, and the slot never reaches a page;
 * each view its own one-time token in the power buttons.
 * A CSRF cookie Sitedeck could not have issued is replaced, not written into the page.
 */
@QuarkusTest
class DrawnFormsTokenTest {

    private static final Pattern FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final String DEVICE = "/agents/5000/devices/100000";

    private static String page(Session session, String token) {
        return given().redirects().follow(false).cookie("sitedeck-session", session.sessionCookie())
                .cookie("sitedeck-csrf", token).get(DEVICE).then().statusCode(200).extract().asString();
    }

    /** How many forms carry a CSRF field, after checking that every one carries {@code token}. */
    private static int fieldsWith(String html, String token) {
        Matcher field = FIELD.matcher(html);
        int count = 0;
        while (field.find()) {
            assertEquals(token, field.group(1), "every form carries this reader's token");
            count++;
        }
        assertFalse(html.contains("<csrf-token>"), "no slot reaches a page");
        return count;
    }

    @Test
    void eachReaderGetsTheirOwnTokenInTheKeptParts() {
        Session first = Session.withSandbox(Role.TECHNICIAN);
        Session second = Session.withSandbox(Role.TECHNICIAN);
        String firstToken = "first-reader-token-0123456789";
        String secondToken = "second-reader-token-0123456789";
        int forms = fieldsWith(page(first, firstToken), firstToken);
        // The second reader's view is served the parts the first one's drew (same device, same content).
        assertEquals(forms, fieldsWith(page(second, secondToken), secondToken));
        assertEquals(forms, fieldsWith(page(first, secondToken), secondToken), "a new token, the same kept parts");
        // Save view (history), three technician forms, team notes, and the alert profiles' bind buttons.
        assertTrue(forms >= 6, "forms with a CSRF field: " + forms);
    }

    @Test
    void eachViewGetsItsOwnOneTimeTokenInTheKeptPowerButtons() {
        Session technician = Session.withSandbox(Role.TECHNICIAN);
        String first = page(technician, Session.CSRF);
        String second = page(technician, Session.CSRF);
        Pattern once = Pattern.compile("name=\"once\" value=\"([^\"]*)\"");
        java.util.Set<String> firstTokens = new java.util.HashSet<>();
        once.matcher(first).results().forEach(m -> firstTokens.add(m.group(1)));
        java.util.Set<String> secondTokens = new java.util.HashSet<>();
        once.matcher(second).results().forEach(m -> secondTokens.add(m.group(1)));
        assertEquals(1, firstTokens.size(), "one token in every power form of a view: " + firstTokens);
        assertEquals(1, secondTokens.size(), "one token in every power form of a view: " + secondTokens);
        assertTrue(firstTokens.iterator().next().matches("[0-9a-f-]{36}"), firstTokens.toString());
        assertFalse(firstTokens.equals(secondTokens), "each view its own token, though the buttons are kept");
        assertFalse(first.contains("<once>") || second.contains("<once>"), "no slot reaches a page");
        assertTrue(first.contains("Yes, delete"), "the confirmed buttons are there");
    }

    @Test
    void aCookieOutsideTheTokenAlphabetIsReplacedNotWritten() {
        Session reader = Session.withSandbox(Role.TECHNICIAN);
        var response = given().redirects().follow(false).cookie("sitedeck-session", reader.sessionCookie())
                .cookie("sitedeck-csrf", "x\"><script>alert(1)</script>").get(DEVICE);
        response.then().statusCode(200);
        String html = response.asString();
        assertFalse(html.contains("<script>alert(1)"), "the cookie's value is not in the page");
        String fresh = response.getCookie("sitedeck-csrf");
        assertTrue(fresh != null && fresh.matches("[A-Za-z0-9_-]{43}"), "a fresh token is issued: " + fresh);
        assertTrue(fieldsWith(html, fresh) > 0);
    }
}
