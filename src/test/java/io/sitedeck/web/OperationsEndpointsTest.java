package io.sitedeck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health and Prometheus metrics are on, and the metrics count Domotz calls by operation. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void metricsCountDomotzCallsByOperation() {
        given().get("/").then().statusCode(200); // the home page calls listAgents and countAgents
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("sitedeck_domotz_calls_total{operation=\"listAgents\",outcome=\"ok\"}"));
    }
}
