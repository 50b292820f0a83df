package io.sitedeck.fleet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.testing.MovableClock;
import io.sitedeck.testing.ResilienceProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The crawler against a WireMock cell that counts every call: it stops at a 429 and makes no call
 * while the key is paused, and it spends no more than its share of a small day.
 */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class FleetCrawlerQuotaTest {

    private static final String API = "/public-api/v1";

    @Inject
    FleetCrawler crawler;

    @Inject
    DomotzGateway gateway;

    WireMockServer cell;

    @BeforeEach
    void start() {
        cell = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        cell.start();
        cell.stubFor(get(urlPathEqualTo(API + "/type/device/base")).willReturn(okJson("[]")));
    }

    @AfterEach
    void stop() {
        MovableClock.reset();
        cell.stop();
    }

    @Test
    void stopsAtA429AndCallsNothingWhileTheKeyIsPaused() {
        usage(1000, 0);
        sites(3);
        cell.stubFor(get(urlPathEqualTo(API + "/agent/1/device")).willReturn(okJson(devices(1, 4))));
        cell.stubFor(get(urlPathEqualTo(API + "/agent/2/device"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60").withBody("{\"message\":\"quota\"}")));
        cell.stubFor(get(urlPathEqualTo(API + "/agent/3/device")).willReturn(okJson(devices(3, 2))));
        DomotzTarget target = target();

        crawler.crawl(target, 100);

        assertEquals(1, cell.findAll(getRequestedFor(urlPathEqualTo(API + "/agent/2/device"))).size());
        assertEquals(0, cell.findAll(getRequestedFor(urlPathEqualTo(API + "/agent/3/device"))).size(),
                "nothing after the 429");
        assertNotNull(gateway.budget(target).pausedUntil(), "the key is paused for everyone");
        int before = cell.findAll(anyRequestedFor(anyUrl())).size();

        crawler.crawl(target, 100);

        assertEquals(before, cell.findAll(anyRequestedFor(anyUrl())).size(), "no call at all while paused");
        assertEquals(4, FleetIndexTest.devicesOf(target.indexScope(), 1).size(), "what it read before stays indexed");
    }

    @Test
    void spendsNoMoreThanItsShareOfASmallDay() {
        usage(40, 0);
        sites(60);
        IntStream.rangeClosed(1, 60).forEach(site ->
                cell.stubFor(get(urlPathEqualTo(API + "/agent/" + site + "/device")).willReturn(okJson(devices(site, 1)))));
        DomotzTarget target = target();

        for (int round = 0; round < 10; round++) {
            crawler.crawl(target, 10);
        }

        int calls = cell.findAll(anyRequestedFor(anyUrl())).size();
        // Half of a 40-call day nobody else used: 20, counting the usage reading.
        assertTrue(calls <= 20 && calls >= 15, "calls: " + calls);
        assertEquals(calls, gateway.budget(target).crawlerToday(), "every call counted as the crawler's");
    }

    private DomotzTarget target() {
        return new DomotzTarget(URI.create(cell.baseUrl() + API), "crawler-" + UUID.randomUUID(), null);
    }

    private void usage(int limit, int used) {
        cell.stubFor(get(urlPathEqualTo(API + "/meta/usage")).willReturn(okJson(
                "{\"daily_limit\":" + limit + ",\"daily_usage\":" + used + ",\"concurrent_allowed\":5}")));
    }

    private void sites(int count) {
        cell.stubFor(get(urlPathEqualTo(API + "/agent")).willReturn(okJson(IntStream.rangeClosed(1, count)
                .mapToObj(id -> "{\"id\":" + id + ",\"display_name\":\"Site " + id + "\",\"status\":{\"value\":\"ONLINE\"}}")
                .collect(Collectors.joining(",", "[", "]")))));
    }

    private static String devices(int site, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> "{\"id\":" + (site * 100 + n) + ",\"display_name\":\"D" + n
                        + "\",\"protocol\":\"IP\",\"status\":\"ONLINE\",\"ip_addresses\":[\"10.0." + site + "." + n + "\"]}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
