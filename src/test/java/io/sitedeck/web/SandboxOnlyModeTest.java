package io.sitedeck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the console off, Sitedeck is a standalone Domotz sandbox for any client or script. */
@QuarkusTest
@TestProfile(SandboxOnlyModeTest.SandboxOnly.class)
class SandboxOnlyModeTest {

    public static class SandboxOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sitedeck.console.enabled", "false");
        }
    }

    @Test
    void servesTheApiButNotTheConsole() {
        given().header("X-Api-Key", "sandbox-demo-key").get("/public-api/v1/agent").then().statusCode(200);
        given().get("/public-api/v1/meta/open-api-definition").then().statusCode(200);
        given().get("/").then().statusCode(404).body(containsString("Domotz sandbox only"));
    }
}
