package io.sitedeck.reports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #18: before generating, the page says what the report will cost in Domotz calls — exactly what generating
 * then spends (counted by the sandbox) — answers already held cost nothing, and a key whose budget cannot afford the
 * report today is refused politely (409, nothing generated). Each test has a key of its own (application.properties).
 */
@QuarkusTest
class ReportCostTest {

    private static final String KEY = "sandbox-report-cost-key";
    private static final Pattern COST = Pattern.compile("costs\\s*<strong>([0-9]+) Domotz calls?</strong>");

    @Test
    void thePriceIsWhatGeneratingSpendsAndASecondReportOfTheSameMonthCostsNothing() {
        Accounts.Member tech = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(tech, "Reports", KEY);
        Session session = Session.signIn(tech);
        session.get("/agents/5003").then().statusCode(200);
        String page = session.get("/reports/sites/5003").then().statusCode(200).extract().asString();
        Matcher cost = COST.matcher(page);
        assertTrue(cost.find(), "the page says the price");
        int price = Integer.parseInt(cost.group(1));
        assertTrue(price >= 4, "the agent's history, speed tests and two histories per vital device: " + price);

        int before = usage();
        int self = usage() - before;
        String stored = session.post("/reports/sites/5003", Map.of("month", "")).then().statusCode(303).extract()
                .header("Location");
        int after = usage();
        // Two usage reads happened since "before" (the sandbox counts a read after answering it).
        assertEquals(price, after - before - 2 * self, "generating spent what the page said");

        session.get("/reports/sites/5003").then().body(containsString("Generate again"));
        session.post("/reports/sites/5003", Map.of("month", "")).then().statusCode(303);
        assertEquals(0, usage() - after - self, "every answer of the second report was held");
        session.get(stored).then().statusCode(200).body(containsString("Stored versions (2)"));
        assertEquals(0, usage() - after - 2 * self, "opening a stored report costs nothing");
    }

    @Test
    void aKeyThatCannotAffordTheReportTodayIsRefusedPolitely() {
        Accounts.Member tech = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(tech, "Nearly spent", "sandbox-report-budget-key");
        Session session = Session.signIn(tech);
        session.get("/usage").then().statusCode(200).body(containsString("of 12"));
        session.get("/reports/sites/5003").then().statusCode(200)
                .body(containsString("stays for people&#39;s pages"))
                .body(not(containsString("Generate the report")));
        session.post("/reports/sites/5003", Map.of("month", "")).then().statusCode(409)
                .body(containsString("Try again when the budget renews"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> StoredReport.count("tenantId", tech.tenantId())),
                "nothing was generated");
    }

    private static int usage() {
        return given().header("X-Api-Key", KEY).get("/public-api/v1/meta/usage").then().statusCode(200).extract()
                .jsonPath().getInt("daily_usage");
    }
}
