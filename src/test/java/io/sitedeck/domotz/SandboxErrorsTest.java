package io.sitedeck.domotz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentQuery;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's refusals, as raw HTTP (status and {@code {"status","message"}} body) and as the
 * typed exceptions the Sitedeck client turns them into.
 */
@QuarkusTest
class SandboxErrorsTest {

    @TestHTTPResource("public-api/v1")
    URL sandbox;

    @Inject
    DomotzGateway gateway;

    @Test
    void missingOrUnknownKeyIs401() {
        given().get(sandbox + "/agent").then().statusCode(401)
                .body("status", equalTo(401)).body("message", containsString("X-Api-Key"));
        given().header("X-Api-Key", "not-a-key").get(sandbox + "/agent").then().statusCode(401)
                .body("status", equalTo(401)).body("message", equalTo("Invalid API key"));

        var rejected = assertThrows(DomotzException.KeyRejected.class,
                () -> gateway.listAgents(TestKeys.target(sandbox, "not-a-key"), AgentQuery.ALL));
        assertEquals("Invalid API key", rejected.getMessage());
    }

    @Test
    void keyHeaderNameIsCaseInsensitive() {
        given().header("x-api-key", TestKeys.DEMO).get(sandbox + "/user").then().statusCode(200);
        given().header("X-API-KEY", TestKeys.DEMO).get(sandbox + "/user").then().statusCode(200);
    }

    @Test
    void agentWithoutApiAccessIsListedButAnswers403() {
        DomotzTarget demo = TestKeys.target(sandbox, TestKeys.DEMO);
        Agent locked = gateway.listAgents(demo, AgentQuery.ALL).stream().filter(a -> !a.apiEnabled())
                .findFirst().orElseThrow();
        given().header("X-Api-Key", TestKeys.DEMO).get(sandbox + "/agent/" + locked.id() + "/device").then()
                .statusCode(403).body("status", equalTo(403)).body("message", containsString("API access"));
        assertThrows(DomotzException.AccessDenied.class, () -> gateway.getAgent(demo, locked.id()));
    }

    @Test
    void unknownAgentDeviceOrRouteIs404() {
        DomotzTarget demo = TestKeys.target(sandbox, TestKeys.DEMO);
        expect(404, "/agent/1", "Agent 1 not found");
        int agentId = gateway.listAgents(demo, AgentQuery.ALL).get(0).id();
        expect(404, "/agent/" + agentId + "/device/42", "Device 42 not found");
        expect(404, "/no/such/route", "Not found");
        assertThrows(DomotzException.NotFound.class, () -> gateway.getDevice(demo, agentId, 42));
    }

    @Test
    void badInputIs400NamingTheProblem() {
        expect(400, "/agent/abc", "agent_id must be an integer");
        expect(400, "/agent?page_size=zero", "page_size must be an integer");
        expect(400, "/agent?page_number=-1", "page_number must not be negative");
        expect(400, "/agent/5000/device?show_hidden=maybe", "show_hidden must be true or false");
        expect(400, "/agent/5000/history/network/speed?from=yesterday", "from must be a date-time");
        expect(400, "/agent/5000/history/network/speed?from=2026-02-02T00:00:00&to=2026-02-01T00:00:00",
                "must not be after");
        given().header("X-Api-Key", TestKeys.DEMO).contentType("application/json").body("{\"username\":\"a\"}")
                .put(sandbox + "/agent/5000/device/100003/credentials").then().statusCode(400)
                .body("message", containsString("'password' is required"));
        given().header("X-Api-Key", TestKeys.DEMO).contentType("application/json").body("{not json")
                .post(sandbox + "/agent/5000/device/100003/connection").then().statusCode(400)
                .body("message", containsString("not valid JSON"));
        given().header("X-Api-Key", TestKeys.DEMO).post(sandbox + "/agent/5000/device/100003/action/power/explode")
                .then().statusCode(400).body("message", containsString("'field' must be one of"));
    }

    @Test
    void editFieldIsAcceptedUrlEncodedToo() {
        given().header("X-Api-Key", TestKeys.DEMO).contentType("application/json").body("\"Encoded room\"")
                .urlEncodingEnabled(false)
                .put(sandbox + "/agent/5000/device/100004/details%2Froom").then().statusCode(204);
        given().header("X-Api-Key", TestKeys.DEMO).get(sandbox + "/agent/5000/device/100004").then()
                .body("details.room", equalTo("Encoded room"));
    }

    @Test
    void dailyQuotaIs429OnceSpent() {
        DomotzTarget tiny = TestKeys.target(sandbox, TestKeys.TINY_QUOTA);
        for (int call = 0; call < 3; call++) {
            given().header("X-Api-Key", TestKeys.TINY_QUOTA).get(sandbox + "/user").then().statusCode(200);
        }
        given().header("X-Api-Key", TestKeys.TINY_QUOTA).get(sandbox + "/user").then().statusCode(429)
                .body("status", equalTo(429)).body("message", containsString("Daily API limit"));
        var quota = assertThrows(DomotzException.QuotaExceeded.class, () -> gateway.getUser(tiny));
        assertTrue(quota.explanation().contains("quota"), quota.explanation());
    }

    @Test
    void tooManyConcurrentCallsAre429() {
        // The slow key allows 2 calls in flight and answers after 400 ms, so 6 at once must overflow.
        List<CompletableFuture<Response>> calls = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        given().header("X-Api-Key", TestKeys.SLOW).get(sandbox + "/agent/5000")))
                .toList();
        List<Response> answers = calls.stream().map(CompletableFuture::join).toList();
        long ok = answers.stream().filter(r -> r.statusCode() == 200).count();
        List<Response> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(6, ok + refused.size());
        assertTrue(ok >= 1 && !refused.isEmpty(), "some calls pass, the rest are refused: " + ok + " passed");
        refused.forEach(r -> assertTrue(r.jsonPath().getString("message").contains("concurrent")));
    }

    @Test
    void unreachableCellIsUnavailable() {
        DomotzTarget nowhere = new DomotzTarget(URI.create("http://127.0.0.1:9/public-api/v1"), TestKeys.DEMO);
        var down = assertThrows(DomotzException.Unavailable.class, () -> gateway.getUser(nowhere));
        assertEquals(0, down.status());
        assertTrue(down.getMessage().contains("could not reach"), down.getMessage());
        assertTrue(!down.getMessage().contains(TestKeys.DEMO), "the key never appears in messages");
    }

    @Test
    void slowAnswerTimesOutAsUnavailable() {
        var late = assertThrows(DomotzException.Unavailable.class,
                () -> gateway.getUser(TestKeys.target(sandbox, TestKeys.GLACIAL)));
        assertTrue(late.getMessage().toLowerCase().contains("timeout")
                || late.getMessage().toLowerCase().contains("timed out"), late.getMessage());
    }

    private void expect(int status, String path, String message) {
        given().header("X-Api-Key", TestKeys.DEMO).get(sandbox + path).then().statusCode(status)
                .body("status", equalTo(status)).body("message", containsString(message));
    }
}
