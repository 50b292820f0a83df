package io.sitedeck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Health and Prometheus metrics are on, and the metrics count Domotz calls by operation. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    /** Issue 13, item 8: metrics are on the management port only; the main port has no open /q/ but health. */
    @Test
    void metricsAreOnlyOnTheManagementInterface() {
        given().redirects().follow(false).get("/q/metrics").then().statusCode(302);
        given().redirects().follow(false).get("/q/dev-ui").then().statusCode(302);
        given().get(metrics).then().statusCode(200).body(containsString("jvm_"));
    }

    @Inject
    MeterRegistry registry;

    /** Every page template keeps its own request timer: the console and the sandbox have ~200 of them. */
    @Test
    void requestTimersAreKeptForEveryPageTemplate() {
        Session.signIn(Accounts.tenantWith(Role.VIEWER)).get("/agents").then().statusCode(200);
        assertNotNull(registry.find("http.server.requests").tag("uri", "/agents").timer(), "a page's own timer");
        for (int template = 0; template < 150; template++) {
            registry.timer("http.server.requests", "uri", "/probe/" + template + "/{id}", "method", "GET");
        }
        assertNotNull(registry.find("http.server.requests").tag("uri", "/probe/149/{id}").timer(),
                "150 templates besides the real ones are still timed (Micrometer's default bound is 100)");
    }

    @Test
    void metricsCountDomotzCallsByOperation() {
        Accounts.Member viewer = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(viewer, "Sandbox");
        Session.signIn(viewer).get("/agents").then().statusCode(200); // the sites page calls listAgents
        given().get(metrics).then().statusCode(200)
                .body(containsString("sitedeck_domotz_calls_total{operation=\"listAgents\",outcome=\"ok\"}"));
    }
}
