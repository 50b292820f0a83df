package io.sitedeck.agents;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import org.junit.jupiter.api.Test;

/**
 * What a page view costs in Domotz calls, counted by the sandbox for a key no other test uses:
 * the site page makes at most 4 calls cold and none warm, whatever the filters (docs/architecture.md).
 */
@QuarkusTest
class PageCostTest {

    private static final String KEY = "sandbox-page-cost-key";

    @Test
    void theSitePageStaysWithinItsBudget() {
        Accounts.Member viewer = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(viewer, "Counted", KEY);
        Session session = Session.signIn(viewer);

        int start = usage();
        session.get("/agents/5006").then().statusCode(200);
        int cold = usage() - start - 1; // the usage call itself counts once
        assertTrue(cold <= 4, "cold site page cost " + cold + " calls");

        int warmStart = usage();
        session.get("/agents/5006").then().statusCode(200);
        session.request().queryParam("status", "ONLINE").queryParam("sort", "latency").get("/agents/5006")
                .then().statusCode(200);
        session.request().queryParam("page", "1").queryParam("size", "25").get("/agents/5006").then().statusCode(200);
        assertEquals(0, usage() - warmStart - 1, "warm views, filters, sorts and pages cost nothing");
    }

    private static int usage() {
        return given().header("X-Api-Key", KEY).get("/public-api/v1/meta/usage").then().statusCode(200)
                .extract().jsonPath().getInt("daily_usage");
    }
}
