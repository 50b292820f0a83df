package io.sitedeck.agents;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import org.junit.jupiter.api.Test;

/**
 * What pages say when Domotz refuses or fails, produced by the sandbox's own behaviour: a revoked
 * key (401), an agent without API access (403), an unknown agent (404), a spent quota (429) and a
 * cell slower than the read timeout.
 */
@QuarkusTest
class UpstreamTroubleTest {

    @Test
    void rejectedKeyLinksToTheConnections() {
        Session.signIn(with("sandbox-revoked-key", "Old key")).get("/agents").then().statusCode(200)
                .body(containsString("Your API key for “Old key” was rejected"))
                .body(containsString("<a href=\"/connections\">Fix the connection</a>"));
    }

    @Test
    void agentWithoutAccessIsExplained() {
        Session.signIn(with(Accounts.SANDBOX_KEY, "Sandbox")).get("/agents/5012").then().statusCode(200)
                .body(containsString("This key has no access to this site"));
    }

    @Test
    void unknownAgentIsANotFoundPage() {
        Session.signIn(with(Accounts.SANDBOX_KEY, "Sandbox")).get("/agents/1").then().statusCode(404)
                .body(containsString("Domotz does not know this site or device"))
                .body(not(containsString("Exception")));
    }

    @Test
    void spentQuotaSaysSoAndOffersARetry() {
        // A key of its own with 3 calls a day (the API tests spend another one).
        Session session = Session.signIn(with("sandbox-tiny-pages-key", "Tiny"));
        for (int i = 0; i < 3; i++) {
            session.request().queryParam("q", "spend-" + i).get("/agents"); // distinct queries: no cache hits
        }
        session.request().queryParam("q", "spent").get("/agents").then().statusCode(200)
                .body(containsString("Domotz quota reached")).body(containsString("Try again"));
    }

    @Test
    void slowCellIsADegradedBanner() {
        Session.signIn(with("sandbox-glacial-key", "Far away")).get("/agents").then().statusCode(200)
                .body(containsString("Domotz is not answering")).body(containsString("Try again"));
    }

    /** One mapper (console.UpstreamFailures) answers every failed read: a page, a part of one, or a line of text. */
    @Test
    void aFailedReadIsAPageAPartOrALineDependingOnWhatWasAsked() {
        Session session = Session.signIn(with(Accounts.SANDBOX_KEY, "Sandbox"));
        String page = session.get("/agents/5000/devices/999999").then().statusCode(404).extract().asString();
        assertTrue(page.contains("<article class=\"problem\"") && page.contains("<nav") && !page.contains("Exception"),
                "the problem inside the layout: " + page);
        String part = session.htmxGet("/agents/1?q=printer").then().statusCode(404).extract().asString();
        assertTrue(part.contains("<article class=\"problem\"") && !part.contains("<nav"), "just the problem: " + part);
        session.htmxGet("/agents/5000/devices/999999/panels/summary").then().statusCode(404)
                .contentType(containsString("text/plain")).body(containsString("Not found: Domotz does not know"));
        session.get("/agents/5012/devices.csv").then().statusCode(502).contentType(containsString("text/plain"))
                .body(containsString("No access"));
    }

    private static Accounts.Member with(String key, String name) {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, name, key);
        return member;
    }
}
