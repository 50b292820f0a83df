package io.sitedeck.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Issue 13, item 3: the sandbox answers this machine only (unless opened), and no answer is unbounded. */
@QuarkusTest
class SandboxExposureTest {

    @Test
    void aCallerOnAnotherMachineIsRefused() {
        given().header("X-Api-Key", "sandbox-demo-key").get("/public-api/v1/agent").then().statusCode(200);
        // What a local reverse proxy (trusted: 127.0.0.1) sends for a client elsewhere; the address is only a header.
        given().header("X-Api-Key", "sandbox-demo-key").header("X-Forwarded-For", "192.0.2.44")
                .get("/public-api/v1/agent").then().statusCode(403).body(containsString("answers this machine only"));
        given().header("X-Api-Key", "sandbox-demo-key").header("X-Forwarded-For", "192.0.2.44")
                .contentType("application/json").body("{}").put("/public-api/v1/agent/5006/device/102004/details/user_data")
                .then().statusCode(403);
    }

    @Test
    void historyWindowsAreCapped() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String device = "/public-api/v1/agent/5006/device/102004/history/rtd";
        given().header("X-Api-Key", "sandbox-demo-key").queryParam("from", now.minus(92, ChronoUnit.DAYS).toString())
                .queryParam("to", now.toString()).get(device).then().statusCode(200);
        given().header("X-Api-Key", "sandbox-demo-key").queryParam("from", now.minus(4015, ChronoUnit.DAYS).toString())
                .queryParam("to", now.toString()).get(device).then().statusCode(400)
                .body(containsString("longer than the 92 days"));
        given().header("X-Api-Key", "sandbox-demo-key").queryParam("from", now.minus(365, ChronoUnit.DAYS).toString())
                .queryParam("to", now.toString()).get("/public-api/v1/agent/5003/history/network/speed")
                .then().statusCode(400);
    }
}
