package io.sitedeck.domotz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentQuery;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.EditableField;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What DomotzGateway adds over the bare client, measured at the sandbox (its own usage counters):
 * the cache, single-flight coalescing, invalidation on mutation and the per-key concurrency cap.
 */
@QuarkusTest
class DomotzGatewayTest {

    @TestHTTPResource("public-api/v1")
    URL sandbox;

    @Inject
    DomotzGateway gateway;

    @Inject
    UpstreamCalls calls;

    private final ExecutorService viewers = Executors.newFixedThreadPool(12);

    @AfterEach
    void stopViewers() {
        viewers.shutdownNow();
    }

    @Test
    void servesRepeatedReadsFromTheCache() {
        DomotzTarget second = TestKeys.target(sandbox, TestKeys.SECOND);
        int before = upstreamCalls(TestKeys.SECOND);
        List<Agent> first = gateway.listAgents(second, new AgentQuery(null, null, "a", null));
        for (int i = 0; i < 5; i++) {
            assertSame(first, gateway.listAgents(second, new AgentQuery(null, null, "a", null)));
        }
        assertEquals(1, upstreamCalls(TestKeys.SECOND) - before - 1, "one upstream call for six reads");
    }

    @Test
    void keysDoNotShareCacheEntries() {
        DomotzTarget demo = TestKeys.target(sandbox, TestKeys.DEMO);
        DomotzTarget second = TestKeys.target(sandbox, TestKeys.SECOND);
        List<Agent> a = gateway.listAgents(demo, new AgentQuery(null, null, "maple", null));
        List<Agent> b = gateway.listAgents(second, new AgentQuery(null, null, "maple", null));
        assertEquals(a, b);
        assertNotSame(a, b, "each key made its own call");
    }

    @Test
    void coalescesConcurrentIdenticalReadsIntoOneCall() throws Exception {
        // The slow key answers after 400 ms, so all twelve viewers ask while the first call is on its way.
        DomotzTarget slow = TestKeys.target(sandbox, TestKeys.SLOW);
        int before = upstreamCalls(TestKeys.SLOW);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<Device>>> pages = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return gateway.listDevices(slow, 5003, false);
                }, viewers)).toList();
        start.countDown();
        List<List<Device>> answers = pages.stream().map(CompletableFuture::join).toList();

        answers.forEach(answer -> assertSame(answers.get(0), answer));
        assertEquals(1, upstreamCalls(TestKeys.SLOW) - before - 1, "twelve viewers, one upstream call");
    }

    @Test
    void neverExceedsTheKeysConcurrentAllowed() {
        // The sandbox refuses the slow key's third concurrent call with 429; once the gateway has
        // read concurrent_allowed=2 from /meta/usage, eight different reads at once all succeed.
        DomotzTarget slow = TestKeys.target(sandbox, TestKeys.SLOW);
        gateway.apiUsageInfo(slow);
        assertEquals(2, calls.concurrencyLimit(slow));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Device>> reads = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return gateway.getDevice(slow, 5009, 103_000 + i);
                }, viewers)).toList();
        start.countDown();
        reads.forEach(read -> assertTrue(read.join().id() >= 103_000));
    }

    @Test
    void mutationInvalidatesTheCachedReadsItChanges() {
        DomotzTarget demo = TestKeys.target(sandbox, TestKeys.DEMO);
        DomotzTarget second = TestKeys.target(sandbox, TestKeys.SECOND);
        Device before = gateway.getDevice(second, 5015, 105_001);
        gateway.getDevice(demo, 5015, 105_001);

        gateway.editDevice(demo, 5015, 105_001, EditableField.DETAILS_ROOM, "Room 101");

        assertEquals("Room 101", gateway.getDevice(demo, 5015, 105_001).details().room());
        assertEquals("Room 101", gateway.getDevice(second, 5015, 105_001).details().room(),
                "other keys on the same cell see the change too");
        assertTrue(before.details() == null || !"Room 101".equals(before.details().room()));
    }

    /** The key's count as the sandbox reports it; the /meta/usage call itself counts as one more. */
    private int upstreamCalls(String key) {
        return given().header("X-Api-Key", key).get(sandbox + "/meta/usage").then().statusCode(200)
                .extract().jsonPath().getInt("daily_usage");
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
