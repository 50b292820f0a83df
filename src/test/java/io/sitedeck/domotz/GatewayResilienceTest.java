package io.sitedeck.domotz;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitedeck.testing.MovableClock;
import io.sitedeck.testing.ResilienceProfile;
import io.sitedeck.testing.Waits;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway when the cell misbehaves (WireMock on a random port, one per test, so each test has
 * its own circuit): stale-while-revalidate, the pause after a 429, the circuit breaker, retries
 * for reads only, shared answers between keys of one Domotz user, and malformed answers.
 */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class GatewayResilienceTest {

    private static final String AGENT = "/public-api/v1/agent/7";

    @Inject
    DomotzGateway gateway;

    WireMockServer cell;
    final ExecutorService viewers = Executors.newFixedThreadPool(16);

    @BeforeEach
    void start() {
        cell = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        cell.start();
    }

    @AfterEach
    void stop() {
        MovableClock.reset();
        viewers.shutdownNow();
        cell.stop();
    }

    @Test
    void servesAnExpiredAnswerAtOnceAndRefreshesItInTheBackground() throws Exception {
        cell.stubFor(get(urlPathEqualTo(AGENT)).willReturn(okJson(agent("Old name"))));
        DomotzTarget target = target("swr-key", null);
        assertEquals("Old name", gateway.getAgent(target, 7).displayName());

        MovableClock.advance(Duration.ofMillis(1_200)); // past the 1 s freshness
        cell.stubFor(get(urlPathEqualTo(AGENT)).willReturn(okJson(agent("New name")).withFixedDelay(800)));
        // Had the read waited for the (slow) cell, it would have the new name.
        assertEquals("Old name", gateway.getAgent(target, 7).displayName(), "the expired answer, at once");
        // One background call refreshes it; reads meanwhile do not start another.
        for (int i = 0; i < 5; i++) {
            gateway.getAgent(target, 7);
        }
        Waits.until("the background refresh", () -> "New name".equals(gateway.getAgent(target, 7).displayName()));
        assertEquals(2, requests(), "the first read and one background refresh");
    }

    @Test
    void answersFetchedTogetherFallDueEachAtItsOwnTime() {
        cell.stubFor(get(urlPathMatching("/public-api/v1/agent/\\d+/device")).willReturn(okJson("[]")));
        DomotzTarget target = target("spread-key", null);
        List<Integer> sites = IntStream.rangeClosed(1, 20).boxed().toList();
        sites.forEach(site -> gateway.listDevices(target, site, false));
        assertEquals(20, requests());

        // Device lists are fresh for 60 s; spread over half of it, each list falls due between 30 and 60 s.
        MovableClock.advance(Duration.ofSeconds(29));
        assertEquals(0, due(target, sites), "no list loses more than the spread");
        MovableClock.advance(Duration.ofSeconds(16));
        long dueAt45 = due(target, sites);
        assertTrue(dueAt45 > 0 && dueAt45 < sites.size(), "half-way, some lists are due and some not: " + dueAt45);
        MovableClock.advance(Duration.ofSeconds(16));
        assertEquals(sites.size(), due(target, sites), "none is kept past its TTL");
    }

    private long due(DomotzTarget target, List<Integer> sites) {
        return sites.stream().filter(site -> gateway.costs(target, new PlannedRead.Devices(site))).count();
    }

    @Test
    void pausesAKeyAfterA429ForTheRetryAfterItWasGiven() throws Exception {
        cell.stubFor(get(urlPathEqualTo(AGENT)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                .withHeader("Content-Type", "application/json").withBody("{\"status\":429,\"message\":\"Too many\"}")));
        DomotzTarget target = target("quota-key", null);
        assertThrows(DomotzException.QuotaExceeded.class, () -> gateway.getAgent(target, 7));
        DomotzException.QuotaExceeded paused = assertThrows(DomotzException.QuotaExceeded.class,
                () -> gateway.getAgent(target, 7));
        assertTrue(paused.getMessage().contains("paused"), paused.getMessage());
        assertEquals(1, requests(), "no call while the key is paused");
        // Another key is not paused by this one's 429.
        assertThrows(DomotzException.QuotaExceeded.class, () -> gateway.getAgent(target("other-key", null), 7));
        assertEquals(2, requests());

        cell.stubFor(get(urlPathEqualTo(AGENT)).willReturn(okJson(agent("Back"))));
        MovableClock.advance(Duration.ofMillis(2_100));
        assertEquals("Back", gateway.getAgent(target, 7).displayName());
    }

    @Test
    void backsOffExponentiallyWithoutRetryAfter() throws Exception {
        cell.stubFor(get(urlPathEqualTo(AGENT)).willReturn(aResponse().withStatus(429)));
        DomotzTarget target = target("backoff-key", null);
        assertThrows(DomotzException.QuotaExceeded.class, () -> gateway.getAgent(target, 7));
        MovableClock.advance(Duration.ofMillis(1_050)); // the first pause is at most 1 s
        assertThrows(DomotzException.QuotaExceeded.class, () -> gateway.getAgent(target, 7));
        assertEquals(2, requests());
        // The second pause is 1–2 s: right after it nothing is called.
        assertThrows(DomotzException.QuotaExceeded.class, () -> gateway.getAgent(target, 7));
        assertEquals(2, requests());
    }

    @Test
    void opensTheCircuitOfADeadCellAndClosesItWhenTheCellIsBack() throws Exception {
        cell.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        DomotzTarget target = target("circuit-key", null);
        // One read tries three times (two retries): three failures open the circuit.
        assertThrows(DomotzException.Unavailable.class, () -> gateway.getAgent(target, 7));
        assertEquals(3, requests());
        DomotzException.Unavailable fast = assertThrows(DomotzException.Unavailable.class,
                () -> gateway.getDevice(target, 7, 1));
        assertTrue(fast.getMessage().contains("failed repeatedly"), fast.getMessage());
        assertEquals(3, requests(), "an open circuit fails fast, without a call");

        cell.stubFor(any(anyUrl()).willReturn(okJson(agent("Recovered"))));
        MovableClock.advance(Duration.ofMillis(1_100));
        assertEquals("Recovered", gateway.getAgent(target, 7).displayName(), "the trial call closes it");
        gateway.getAgent(target, 8);
        assertEquals(5, requests());
    }

    @Test
    void retriesReadsButNeverChanges() {
        cell.stubFor(get(urlPathEqualTo(AGENT)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        cell.stubFor(get(urlPathEqualTo(AGENT)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(agent("After one retry"))));
        DomotzTarget target = target("retry-key", null);
        assertEquals("After one retry", gateway.getAgent(target, 7).displayName());
        assertEquals(2, requests());

        cell.stubFor(any(urlPathEqualTo(AGENT + "/device/3/visibility")).willReturn(aResponse().withStatus(503)));
        assertThrows(DomotzException.Unavailable.class, () -> gateway.hideDevice(target, 7, 3));
        assertEquals(1, cell.findAll(anyRequestedFor(urlPathEqualTo(AGENT + "/device/3/visibility"))).size(),
                "a change is sent once, whatever happens");
    }

    @Test
    void keysOfOneDomotzUserShareAnswersAndKeysOfOthersDoNot() throws Exception {
        cell.stubFor(get(urlPathEqualTo(AGENT)).willReturn(okJson(agent("Shared")).withFixedDelay(300)));
        List<DomotzTarget> sameUser = IntStream.range(0, 8).mapToObj(i -> target("anna-key-" + i, 42)).toList();
        List<CompletableFuture<String>> reads = sameUser.stream()
                .map(t -> CompletableFuture.supplyAsync(() -> gateway.getAgent(t, 7).displayName(), viewers)).toList();
        reads.forEach(r -> assertEquals("Shared", r.join()));
        assertEquals(1, requests(), "eight keys of one Domotz user, concurrently: one call");

        gateway.getAgent(target("ben-key", 43), 7);
        assertEquals(2, requests(), "another Domotz user never gets the first one's answers");
    }

    @Test
    void aMalformedAnswerIsReportedNotCrashed() {
        cell.stubFor(get(urlPathEqualTo(AGENT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": 7, \"display_name\": ")));
        DomotzException.Unavailable unreadable = assertThrows(DomotzException.Unavailable.class,
                () -> gateway.getAgent(target("garbage-key", null), 7));
        assertTrue(unreadable.getMessage().contains("could not be read"), unreadable.getMessage());
    }

    private DomotzTarget target(String key, Integer domotzUser) {
        return new DomotzTarget(URI.create("http://127.0.0.1:" + cell.port() + "/public-api/v1"), key, domotzUser);
    }

    private int requests() {
        return cell.findAll(anyRequestedFor(anyUrl())).size();
    }

    private static String agent(String name) {
        return "{\"id\":7,\"display_name\":\"" + name + "\",\"status\":{\"value\":\"ONLINE\"}}";
    }
}
