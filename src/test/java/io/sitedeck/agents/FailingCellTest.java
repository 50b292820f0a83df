package io.sitedeck.agents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Domotz cell that answers 5xx or garbage (WireMock on a random local port): the pages explain it. */
@QuarkusTest
class FailingCellTest {

    WireMockServer cell;

    @BeforeEach
    void start() {
        cell = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        cell.start();
    }

    @AfterEach
    void stop() {
        cell.stop();
    }

    @Test
    void a503IsADegradedBannerWithRetry() {
        cell.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":503,\"message\":\"maintenance\"}")));
        Session.signIn(memberOnCell()).get("/agents").then().statusCode(200)
                .body(containsString("Domotz is not answering")).body(containsString("HTTP 503"))
                .body(containsString("Try again")).body(not(containsString("Exception")));
    }

    @Test
    void malformedJsonIsReportedNotCrashed() {
        cell.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Entities-Count", "3")
                .withBody("[{\"id\": \"not-a-number\", ")));
        Session.signIn(memberOnCell()).get("/agents").then().statusCode(200)
                .body(containsString("Domotz sent an answer that could not be read"))
                .body(not(containsString("Exception")));
    }

    private Accounts.Member memberOnCell() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        long id = Accounts.sandboxConnection(member, "Broken cell");
        Accounts.pointAt(id, "http://127.0.0.1:" + cell.port() + "/public-api/v1");
        return member;
    }
}
