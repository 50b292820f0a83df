package io.sitedeck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The first page lists the embedded sandbox's sites, fetched over HTTP through the gateway. */
@QuarkusTest
class HomePageTest {

    @Test
    void listsTheSandboxSitesWithTheKeyMasked() {
        given().get("/").then().statusCode(200).contentType("text/html")
                .body(containsString("12 agents"))
                .body(containsString("Harbor Dental"))
                .body(containsString("no API access on this plan"))
                .body(containsString("••••-key"))
                .body(not(containsString("sandbox-demo-key")));
    }

    @Test
    void servesTheStylesheetsFromWebjars() {
        given().get("/webjars/picocss__pico/2.1.1/css/pico.min.css").then().statusCode(200);
        given().get("/css/sitedeck.css").then().statusCode(200);
    }

    @Test
    void answersUnknownPagesWithoutAStackTrace() {
        given().get("/no/such/page").then().statusCode(404).body(not(containsString("Exception")));
    }
}
