package io.sitedeck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import org.junit.jupiter.api.Test;

/** The sites page lists the agents of the connection in use, fetched over HTTP through the gateway. */
@QuarkusTest
class HomePageTest {

    @Test
    void listsTheSitesOfTheConnectionWithTheKeyMasked() {
        Accounts.Member viewer = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(viewer, "Sandbox");
        Session.signIn(viewer).get("/agents").then().statusCode(200).contentType("text/html")
                .body(containsString("12 sites"))
                .body(containsString("Harbor Dental"))
                .body(containsString("this agent's plan has no API access"))
                .body(containsString("••••-key"))
                .body(not(containsString(Accounts.SANDBOX_KEY)));
    }

    @Test
    void filtersByTeamInTheUrl() {
        Accounts.Member viewer = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(viewer, "Sandbox");
        Session.signIn(viewer).request().queryParam("team", "North Region").get("/agents").then().statusCode(200)
                .body(containsString("4 sites in North Region"))
                .body(containsString("<option value=\"North Region\" selected>"))
                .body(not(containsString("<td>South Region</td>")));
    }

    @Test
    void invitesToAddAConnectionWhenThereIsNone() {
        Session.signIn(Accounts.tenantWith(Role.TECHNICIAN)).get("/").then().statusCode(200)
                .body(containsString("You have no Domotz connection yet"));
    }

    @Test
    void sendsStrangersToSignIn() {
        given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", containsString("/login"));
    }

    @Test
    void servesTheStylesheetsAndScriptsFromWebjars() {
        given().get("/webjars/picocss__pico/2.1.1/css/pico.min.css").then().statusCode(200);
        given().get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").then().statusCode(200);
        given().get("/js/sitedeck.js").then().statusCode(200);
    }

    @Test
    void answersUnknownPagesWithoutAStackTrace() {
        Session.signIn(Accounts.tenantWith(Role.VIEWER)).get("/no/such/page").then().statusCode(404)
                .body(not(containsString("Exception"))).header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
