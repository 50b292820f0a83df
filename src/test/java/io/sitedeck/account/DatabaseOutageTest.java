package io.sitedeck.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.PostgresDatabase;
import io.sitedeck.testing.PostgresProfile;
import io.sitedeck.testing.Session;
import io.sitedeck.testing.Waits;
import io.sitedeck.testing.Webhooks;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 18: while the real PostgreSQL is unreachable (its relay cut), pages answer 503
 * saying so, webhooks get Retry-After so Domotz delivers again, readiness is DOWN; once it is
 * back, everything answers again without a restart — the fleet search too, whose index may have
 * been first built (and failed) during the outage. Shares the PostgreSQL profile (one start).
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class DatabaseOutageTest {

    @AfterEach
    void restore() {
        PostgresDatabase.relay().restore();
    }

    @Test
    void answers503WhileTheDatabaseIsAwayAndRecoversWithoutARestart() throws Exception {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "Outage");
        Session session = Session.signIn(member);
        String token = Webhooks.tokenOf(member.tenantId());
        session.get("/bookmarks").then().statusCode(200);

        PostgresDatabase.relay().cut();
        Waits.until("the page to say the database is away", () -> session.get("/bookmarks").statusCode() == 503);
        session.get("/bookmarks").then().statusCode(503).header("Retry-After", "30")
                .body(containsString("cannot reach its database")).body(org.hamcrest.Matchers.not(containsString("Exception")));
        given().get("/login").then().statusCode(503);
        Webhooks.post(token, Webhooks.deviceStatus(5003, 102004, "DOWN", Instant.now())).then().statusCode(503)
                .header("Retry-After", "30");
        given().get("/q/health/ready").then().statusCode(503).body(containsString("DOWN"));
        // The fleet search index, if this is its first use, is built now and fails: it must build again later.
        session.get("/search/suggest?q=printer").then().statusCode(503);

        PostgresDatabase.relay().restore();
        Waits.until("the page to answer again", () -> session.get("/bookmarks").statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200);
        Webhooks.post(token, Webhooks.deviceStatus(5003, 102004, "DOWN", Instant.now())).then().statusCode(201);
        session.get("/search/suggest?q=printer").then().statusCode(200);
    }
}
