package io.sitedeck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Session;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: pages are boosted (htmx swaps the body). A boosted request gets the whole page — the same as a
 * load or a reload — while a fragment request gets its fragment; a boosted request whose session ended is
 * sent to the sign-in page with a full load, a fragment request with htmx's own navigation.
 */
@QuarkusTest
class BoostedNavigationTest {

    @Test
    void aBoostedRequestGetsTheWholePageAndAFragmentRequestItsFragment() {
        Session session = Session.withSandbox(Role.VIEWER);
        session.request().header("HX-Request", "true").header("HX-Boosted", "true").get("/agents/5000")
                .then().statusCode(200).body(startsWith("<!DOCTYPE html>")).body(containsString("<title>Harbor Dental"));
        session.htmxGet("/agents/5000").then().statusCode(200)
                .body(not(containsString("<!DOCTYPE html>"))).body(containsString("<table class=\"striped devices"));
    }

    @Test
    void aBoostedRequestAfterTheSessionEndedLoadsTheSignInPage() {
        given().redirects().follow(false).header("HX-Request", "true").header("HX-Boosted", "true").get("/agents")
                .then().statusCode(401).header("HX-Redirect", "/login").header("HX-Location", nullValue());
        given().redirects().follow(false).header("HX-Request", "true").get("/agents")
                .then().statusCode(401).header("HX-Location", "/login").header("HX-Redirect", nullValue());
    }
}
