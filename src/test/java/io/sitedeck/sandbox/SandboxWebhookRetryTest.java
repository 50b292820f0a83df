package io.sitedeck.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.sitedeck.testing.SandboxApi;
import io.sitedeck.testing.Waits;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A profile's configured webhook target that fails is tried again with growing waits (test
 * profile: 200 ms, doubling, 4 attempts at most), and then given up. Agent 5033's devices are
 * this test's (the profile's own Quarkus instance, so its sandbox world is fresh).
 */
@QuarkusTest
@TestProfile(WebhookRetryProfile.class)
class SandboxWebhookRetryTest {

    private static final String API = "/public-api/v1/agent/5033/device/";
    @Inject
    SandboxWebhooks webhooks;

    WireMockServer receiver;
    /** An online device of the agent that can be switched off; profile 1 is bound to it for the test. */
    int device;

    @BeforeEach
    void start() {
        receiver = WebhookRetryProfile.Receiver.server();
        receiver.resetAll();
        device = switchable();
        SandboxApi.call().post("/public-api/v1/alert-profile/1/binding/agent/5033/device/" + device)
                .then().statusCode(204);
    }

    /** Unbound first, so switching the device back on sends nothing into the next test. */
    @AfterEach
    void stop() {
        SandboxApi.call().delete("/public-api/v1/alert-profile/1/binding/agent/5033/device/" + device);
        SandboxApi.call().post(API + device + "/action/power/on");
    }

    @Test
    void aFailedDeliveryIsRetriedWithGrowingWaitsUntilItIsTaken() throws Exception {
        receiver.stubFor(post(urlEqualTo("/receiver")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        receiver.stubFor(post(urlEqualTo("/receiver")).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("third"));
        receiver.stubFor(post(urlEqualTo("/receiver")).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(201)));

        powerOff();
        Waits.until("three attempts", () -> attempts().size() == 3);
        Waits.until("the delivery settled", () -> webhooks.deliveriesInProgress() == 0);
        List<LoggedRequest> attempts = attempts();
        assertEquals(3, attempts.size(), "taken on the third attempt, then no more");
        assertEquals(1, attempts.stream().map(LoggedRequest::getBodyAsString).distinct().count(), "the same event each time");
        JsonPath body = JsonPath.from(attempts.get(0).getBodyAsString());
        assertEquals("device_status", body.getString("name"));
        assertEquals(device, body.getInt("data.device_id"));
        assertEquals("application/json", attempts.get(0).getHeader("Content-Type"));
        long firstWait = attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime();
        long secondWait = attempts.get(2).getLoggedDate().getTime() - attempts.get(1).getLoggedDate().getTime();
        assertTrue(firstWait >= 180, "waited " + firstWait + " ms before the second attempt");
        assertTrue(secondWait >= 380 && secondWait > firstWait, "waited longer before the third: " + secondWait + " ms");
    }

    @Test
    void aTargetThatNeverTakesItIsGivenUpAfterTheLastAttempt() throws Exception {
        receiver.stubFor(post(urlEqualTo("/receiver")).willReturn(aResponse().withStatus(500)));
        powerOff();
        Waits.until("four attempts", () -> attempts().size() == 4);
        // Settled means given up: a fifth attempt would still count as in progress.
        Waits.until("the delivery settled", () -> webhooks.deliveriesInProgress() == 0);
        assertEquals(4, attempts().size());
    }

    private List<LoggedRequest> attempts() {
        return receiver.findAll(postRequestedFor(urlEqualTo("/receiver")));
    }

    private void powerOff() {
        SandboxApi.call().post(API + device + "/action/power/off").then().statusCode(204);
    }

    private static int switchable() {
        List<Integer> found = SandboxApi.switchableDevices(5033, Set.of());
        assertTrue(!found.isEmpty(), "agent 5033 has an online device that can be switched off");
        return found.get(0);
    }
}
