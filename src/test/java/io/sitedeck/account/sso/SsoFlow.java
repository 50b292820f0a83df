package io.sitedeck.account.sso;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * A browser going through the authorization code flow as far as HTTP goes: Sitedeck's link sends it
 * to the provider (a real {@link MockOAuth2Server} on loopback), which answers with the claims the
 * test queued, and back to Sitedeck, carrying the cookies each side sets. No redirect is followed
 * blindly: each hop is checked to go where the flow says.
 */
final class SsoFlow {

    /** Where the flow ended: Sitedeck's last answer and the cookies the browser holds for Sitedeck. */
    record Outcome(Response last, Map<String, String> cookies) {
        String session() {
            return cookies.get("sitedeck-session");
        }
    }

    private SsoFlow() {
    }

    static Outcome signIn(MockOAuth2Server provider, String link, OAuth2TokenCallback claims) {
        Map<String, String> cookies = new LinkedHashMap<>();
        Response toProvider = hop(link, cookies);
        assertTrue(toProvider.statusCode() == 302 || toProvider.statusCode() == 303,
                "the link leads to the provider: " + toProvider.statusCode() + " " + toProvider.asString());
        String authorize = toProvider.getHeader("Location");
        assertTrue(authorize.startsWith(provider.baseUrl().toString()), toProvider.getHeaders() + " base " + provider.baseUrl());
        assertTrue(authorize.contains("code_challenge="), "PKCE: " + authorize);
        provider.enqueueCallback(claims);
        Response back = given().redirects().follow(false).urlEncodingEnabled(false).get(authorize);
        String callback = back.getHeader("Location");
        assertTrue(callback != null && callback.contains("code="), "the provider answers with a code: " + back.statusCode());
        Response answer = hop(callback, cookies);
        for (int hops = 0; hops < 3 && (answer.statusCode() == 302 || answer.statusCode() == 303)
                && !cookies.containsKey("sitedeck-session") && answer.getHeader("Location").contains("/sso/"); hops++) {
            answer = hop(answer.getHeader("Location"), cookies);
        }
        return new Outcome(answer, cookies);
    }

    private static Response hop(String url, Map<String, String> cookies) {
        Response answer = given().redirects().follow(false).urlEncodingEnabled(false).cookies(cookies).get(url);
        answer.getDetailedCookies().asList().forEach(cookie -> {
            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
        if (answer.statusCode() >= 500) {
            fail("Sitedeck answered " + answer.statusCode() + " at " + url + ": " + answer.asString());
        }
        return answer;
    }
}
