package io.sitedeck.usage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import org.junit.jupiter.api.Test;

/** Today's usage per connection, Sitedeck's own share, and the low-budget warning. */
@QuarkusTest
class UsagePageTest {

    @Test
    void showsUsageAndSitedecksShare() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "Main");
        Session session = Session.signIn(member);
        session.get("/agents").then().statusCode(200);
        session.get("/usage").then().statusCode(200).body(containsString("Main"))
                .body(containsString("calls used")).body(containsString("<td>agent</td>"))
                .body(matchesPattern("(?s).*Sitedeck made <strong>[1-9]\\d*</strong> of them.*"))
                .body(not(containsString("calls left of")));
    }

    @Test
    void warnsWhenTheBudgetRunsLow() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "Nearly spent", "sandbox-low-budget-key");
        for (int i = 0; i < 3; i++) {
            given().header("X-Api-Key", "sandbox-low-budget-key").get("/public-api/v1/user").then().statusCode(200);
        }
        Session.signIn(member).get("/usage").then().statusCode(200).body(containsString("Only 1 calls left of 5"));
    }
}
