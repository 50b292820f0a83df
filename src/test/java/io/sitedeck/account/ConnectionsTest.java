package io.sitedeck.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's own Domotz connections, checked with the (sandbox) cell before anything is saved. */
@QuarkusTest
class ConnectionsTest {

    Accounts.Member member;
    Session session;

    @BeforeEach
    void signIn() {
        member = Accounts.tenantWith(Role.TECHNICIAN);
        session = Session.signIn(member);
    }

    @Test
    void addsAConnectionAfterDomotzAcceptsTheKey() {
        session.post("/connections", Map.of("name", "Main account", "cell", "SANDBOX", "apiKey", "sandbox-demo-key"))
                .then().statusCode(200).body(containsString("Connected “Main account” as Domotz user"))
                .body(containsString("••••-key")).body(not(containsString("sandbox-demo-key")));
        DomotzConnection saved = mine().get(0);
        assertEquals("Main account", saved.name);
        assertTrue(saved.isDefault, "the first connection is the default");
        assertTrue(saved.domotzUser.endsWith("@sandbox.example"));
        session.get("/agents").then().statusCode(200).body(containsString("12 sites"));
    }

    @Test
    void aRejectedKeyIsExplainedNextToTheFieldAndNothingIsSaved() {
        session.post("/connections", Map.of("name", "Typo", "cell", "SANDBOX", "apiKey", "sandbox-demo-kez"))
                .then().statusCode(400).body(containsString("Domotz rejected this key (HTTP 401)"))
                .body(containsString("value=\"Typo\"")).body(not(containsString("sandbox-demo-kez")));
        assertTrue(mine().isEmpty());
    }

    @Test
    void anUnreachableCellIsExplainedAndNothingIsSaved() {
        Session admin = Session.signIn(Accounts.tenantWith(Role.ADMIN));
        admin.post("/connections", Map.of("name", "Nowhere", "cell", "CUSTOM",
                        "customUrl", "http://127.0.0.1:9/public-api/v1", "apiKey", "whatever-key"))
                .then().statusCode(400).body(containsString("Could not use this cell: could not connect."));
        assertTrue(mine().isEmpty());
    }

    @Test
    void aMalformedOrInsecureUrlIsRefusedBeforeAnyCall() {
        Session admin = Session.signIn(Accounts.tenantWith(Role.ADMIN));
        admin.post("/connections", Map.of("name", "Bad", "cell", "CUSTOM", "customUrl", "not a url", "apiKey", "k"))
                .then().statusCode(400).body(containsString("not a valid URL"));
        admin.post("/connections", Map.of("name", "Elsewhere", "cell", "CUSTOM",
                        "customUrl", "https://api.example.com/public-api/v1", "apiKey", "k"))
                .then().statusCode(400).body(containsString("allow-list (sitedeck.domotz.allowed-hosts)"));
        session.post("/connections", Map.of("name", "", "cell", "MARS", "apiKey", ""))
                .then().statusCode(400).body(containsString("Give the connection a name"))
                .body(containsString("Choose a cell")).body(containsString("Paste the API key"));
        assertTrue(mine().isEmpty());
    }

    @Test
    void renamesReplacesTheKeyTestsAndDeletes() {
        long id = Accounts.sandboxConnection(member, "First");
        session.post("/connections/" + id + "/name", Map.of("name", "Renamed")).then().statusCode(303);
        session.post("/connections/" + id + "/key", Map.of("apiKey", "sandbox-Zq8Xv3Lm9Pw2Kt7R")).then().statusCode(200)
                .body(containsString("Replaced the key"));
        session.post("/connections/" + id + "/key", Map.of("apiKey", "not-a-key")).then().statusCode(400)
                .body(containsString("Domotz rejected this key"));
        DomotzConnection renamed = mine().get(0);
        assertEquals("Renamed", renamed.name);
        assertEquals("Kt7R", renamed.keyLast4, "the accepted key is kept, not the rejected one");
        session.post("/connections/" + id + "/test").then().statusCode(200).body(containsString("Works: Domotz user"));
        session.post("/connections/" + id + "/delete").then().statusCode(303);
        assertTrue(mine().isEmpty());
    }

    @Test
    void switchesAndSetsTheDefault() {
        long first = Accounts.sandboxConnection(member, "First");
        long second = Accounts.sandboxConnection(member, "Second");
        session.post("/connections/" + second + "/default").then().statusCode(303);
        assertEquals(List.of(false, true), mine().stream().map(c -> c.isDefault).toList());

        String chosen = session.post("/connections/use", Map.of("id", String.valueOf(first), "back", "/"))
                .then().statusCode(303).extract().cookie("sitedeck-connection");
        assertEquals(String.valueOf(first), chosen);
        // The top bar's connection menu marks the one in use and offers the other as a one-click switch.
        session.request().cookie("sitedeck-connection", chosen).get("/").then().statusCode(200)
                .body(containsString("aria-label=\"Domotz connection in use: First\""))
                .body(containsString("<input type=\"hidden\" name=\"id\" value=\"" + second + "\">"));
    }

    private List<DomotzConnection> mine() {
        return QuarkusTransaction.requiringNew().call(() ->
                DomotzConnection.<DomotzConnection>list("userId = ?1 order by name", member.userId()));
    }
}
