package io.sitedeck.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import io.sitedeck.testing.Webhooks;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * The fleet index's feeds against the embedded sandbox: a page view, webhooks (status, IP change,
 * discovery) and the crawler, each seen on the NOC page, in the search and in the database; and
 * the scope of every row (another Domotz user, another tenant). Each test has Domotz users of its
 * own ({@code zfleet*} keys), so its index scope is nobody else's.
 */
@QuarkusTest
public class FleetIndexTest {

    static final String KEY_A = "sandbox-fleet-a-key";
    static final String KEY_B = "sandbox-fleet-b-key";
    static final String KEY_C = "sandbox-fleet-c-key";
    static final String KEY_D = "sandbox-fleet-d-key";
    static final String KEY_E = "sandbox-fleet-e-key";

    @Inject
    FleetCrawler crawler;

    @Inject
    FleetSearchIndex searchIndex;

    @Test
    void aSitePageViewPutsItsDevicesInTheIndexAndTheNocPageShowsThem() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "A", KEY_A);
        Session session = Session.signIn(member);
        session.get("/").then().statusCode(200);
        assertTrue(sitesOf(scope(KEY_A)).stream().noneMatch(s -> s.agentId == 5009), "nothing indexed before the view");

        session.get("/agents/5009").then().statusCode(200);

        List<FleetDevice> rows = devicesOf(scope(KEY_A), 5009);
        assertFalse(rows.isEmpty(), "the site's devices are in the index");
        assertTrue(rows.stream().allMatch(d -> d.source == FleetSource.PAGE));
        FleetSite site = sitesOf(scope(KEY_A)).stream().filter(s -> s.agentId == 5009).findFirst().orElseThrow();
        long down = rows.stream().filter(FleetDevice::down).count();
        assertEquals(rows.size(), site.devicesTotal);
        assertEquals(down, site.devicesDown);
        assertTrue(down > 0, "the sandbox has a DOWN device on every site");
        // The search index (made on first use, perhaps by this very write) holds each device once.
        FleetDevice addressed = rows.stream().filter(d -> !d.ips.isBlank()).findFirst().orElseThrow();
        String address = addressed.ips.strip().split(" ")[0];
        List<Long> found = searchIndex.search(scope(KEY_A), FleetQuery.ranks(address), 20).stream().map(d -> d.device().id).toList();
        assertTrue(found.contains(addressed.id), "found by its address: " + found);
        long sameAddress = rows.stream().filter(d -> d.ips.contains(" " + address + " ")).count();
        assertEquals(sameAddress, searchIndex.count(scope(KEY_A), new TermQuery(new Term(FleetQuery.IP, address))),
                "each device once in the search index");

        String noc = session.get("/").then().statusCode(200).extract().asString();
        assertTrue(noc.contains(site.name), noc);
        assertTrue(noc.contains("<b>" + down + "</b> / " + rows.size() + " down"), noc);
        assertTrue(noc.contains("Down now across all customers"), noc);
        assertTrue(noc.contains("sites indexed"), noc);
    }

    @Test
    void webhooksChangeStatusAddressesAndNewDevicesInPlace() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "C", KEY_C);
        Session session = Session.signIn(member);
        session.get("/agents/5015").then().statusCode(200);
        String scope = scope(KEY_C);
        FleetDevice up = devicesOf(scope, 5015).stream().filter(d -> "ONLINE".equals(d.status) && d.primaryIp != null)
                .findFirst().orElseThrow();
        int downBefore = site(scope, 5015).devicesDown;
        String token = Webhooks.tokenOf(member.tenantId());
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Webhooks.post(token, Webhooks.deviceStatus(5015, up.deviceId, "DOWN", at)).then().statusCode(201);
        FleetDevice nowDown = device(scope, 5015, up.deviceId);
        assertEquals("DOWN", nowDown.status);
        assertEquals(FleetSource.WEBHOOK, nowDown.source);
        assertEquals(downBefore + 1, site(scope, 5015).devicesDown, "the tile's count follows at once");
        session.get("/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("href=\"/agents/5015/devices/" + up.deviceId + "\""));
        // The search results show the status from the search index's copy of the row: it follows too.
        String results = session.request().queryParam("q", up.primaryIp).get("/search").then().statusCode(200)
                .extract().asString();
        int row = results.indexOf("href=\"/agents/5015/devices/" + up.deviceId + "\"");
        assertTrue(row > 0, results);
        String shown = results.substring(row, results.indexOf("</tr>", row));
        assertTrue(shown.contains("status-DOWN") && shown.contains("webhook"), shown);

        Webhooks.post(token, "{\"data\":{\"agent_id\":5015,\"device_id\":" + up.deviceId
                + ",\"old_ip_addresses\":[\"" + up.primaryIp + "\"],\"value\":[\"10.99.7.42\"]},\"name\":\"device_ip_change\","
                + "\"timestamp\":\"" + at.plusSeconds(1) + "\"}").then().statusCode(201);
        assertEquals(" 10.99.7.42 ", device(scope, 5015, up.deviceId).ips);
        String found = session.get("/search/suggest?q=10.99.7.42").then().statusCode(200).extract().asString();
        assertTrue(found.contains("/agents/5015/devices/" + up.deviceId), found);

        Webhooks.post(token, "{\"data\":{\"agent_id\":5015,\"device_id\":987654},\"name\":\"agent_device_discovery\","
                + "\"timestamp\":\"" + at.plusSeconds(2) + "\"}").then().statusCode(201);
        FleetDevice discovered = device(scope, 5015, 987654);
        assertEquals("New device 987654", discovered.name);
        assertEquals(FleetSource.WEBHOOK, discovered.source);
    }

    @Test
    void theCrawlerFillsTheIndexAndItsCallsShowOnTheUsagePage() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "B", KEY_B);
        String scope = scope(KEY_B);

        int spent = crawler.crawlScope(scope);

        assertTrue(spent >= 3, "usage, the sites and their types, then device lists: " + spent);
        List<FleetSite> sites = sitesOf(scope);
        assertTrue(sites.size() >= 12, "every site the key lists: " + sites.size());
        long crawled = sites.stream().filter(FleetSite::devicesKnown).count();
        assertTrue(crawled >= 1 && crawled <= spent, crawled + " sites read with " + spent + " calls");
        assertTrue(sites.stream().filter(FleetSite::devicesKnown).allMatch(s -> s.devicesSource == FleetSource.CRAWL));
        Session session = Session.signIn(member);
        session.get("/usage").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Fleet crawler: <strong>" + spent + "</strong>"));
        session.get("/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(crawled + " of " + sites.size() + " sites indexed"))
                .body(org.hamcrest.Matchers.containsString("(fleet crawler " + spent + ")"));
    }

    @Test
    void theCrawlerSpendsNoMoreThanItsShareOfTheDay() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "D", KEY_D);
        String scope = scope(KEY_D);
        int total = 0;
        for (int round = 0; round < 10; round++) {
            total += crawler.crawlScope(scope);
        }
        // 40 calls a day, half of what people are not projected to need: at most 20, whatever the rounds.
        assertTrue(total <= 20, "spent " + total);
        assertTrue(total >= 10, "but it did spend its share: " + total);
        // People still have their half: the sites page answers.
        Session.signIn(member).get("/agents").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("quota")));
    }

    @Test
    void aSiteClaimedByAnotherInstanceIsNotCrawledTwice() {
        Accounts.Member member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "E", KEY_E);
        String scope = scope(KEY_E);
        // Make sure the scope's sites are listed, then let "another instance" hold every site it has not read.
        crawler.crawlScope(scope);
        Instant until = Instant.now().plusSeconds(600);
        QuarkusTransaction.requiringNew().run(() -> FleetSite.update(
                "crawlClaimedBy = 'another-instance', crawlClaimedUntil = ?1 where scope = ?2 and devicesAsOf is null",
                until, scope));
        List<Integer> unread = sitesOf(scope).stream().filter(s -> !s.devicesKnown()).map(s -> s.agentId).toList();
        assertFalse(unread.isEmpty(), "sites left for the other instance");

        crawler.crawlScope(scope);

        assertTrue(sitesOf(scope).stream().filter(s -> unread.contains(s.agentId)).noneMatch(FleetSite::devicesKnown),
                "claimed sites were left to their claimant");
    }

    @Test
    void theDownListPutsVitalDevicesFirstThenTheLongestDownAndReadsOnlyItsScope() {
        String scope = "test-down-order";
        Instant t = Instant.parse("2026-11-01T08:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            downRow(scope, 1, "printer", "DOWN", null, t.plusSeconds(300));
            downRow(scope, 2, "core switch", "DOWN", "VITAL", t.plusSeconds(200));
            downRow(scope, 3, "camera", "OFFLINE", null, null);
            downRow(scope, 4, "access point", "DOWN", null, t);
            downRow(scope, 5, "firewall", "OFFLINE", "VITAL", t.plusSeconds(100));
            downRow(scope, 6, "nas", "ONLINE", "VITAL", t);
            downRow(scope, 7, "badge reader", "DOWN", null, t);
            downRow("test-down-order-elsewhere", 8, "not ours", "DOWN", "VITAL", t);
        });

        List<DownDevice> all = QuarkusTransaction.requiringNew().call(() -> queries.downNow(scope, 10));
        assertEquals(List.of("firewall", "core switch", "access point", "badge reader", "printer", "camera"),
                all.stream().map(DownDevice::name).toList(), "vital first, then the longest down (by name when equal), never-known last");
        assertEquals(List.of("firewall", "core switch", "access point"),
                QuarkusTransaction.requiringNew().call(() -> queries.downNow(scope, 3)).stream().map(DownDevice::name).toList());
        DownDevice firewall = all.get(0);
        assertTrue(firewall.vital());
        assertEquals("/agents/9000/devices/5", firewall.url());
        assertEquals(t.plusSeconds(100), firewall.statusSince());
        assertEquals(FleetSource.CRAWL, firewall.source());
    }

    // ---- helpers

    @Inject
    FleetQueries queries;

    static void downRow(String scope, int deviceId, String name, String status, String importance, Instant since) {
        FleetDevice row = new FleetDevice();
        row.scope = scope;
        row.agentId = 9000;
        row.deviceId = deviceId;
        row.name = name;
        row.nameLc = name;
        row.named = true;
        row.ips = " ";
        row.haystack = "";
        row.status = status;
        row.importance = importance;
        row.statusSince = since;
        row.asOf = Instant.now();
        row.source = FleetSource.CRAWL;
        row.persist();
    }

    static String scope(String key) {
        return DomotzTarget.embedded(URI.create("http://127.0.0.1:1/public-api/v1"), key, null).indexScope();
    }

    static List<FleetSite> sitesOf(String scope) {
        return QuarkusTransaction.requiringNew().call(() -> FleetSite.<FleetSite>list("scope", scope));
    }

    static FleetSite site(String scope, int agentId) {
        return QuarkusTransaction.requiringNew().call(() -> FleetSite.of(scope, agentId).orElseThrow());
    }

    static List<FleetDevice> devicesOf(String scope, int agentId) {
        return QuarkusTransaction.requiringNew().call(() ->
                FleetDevice.<FleetDevice>list("scope = ?1 and agentId = ?2", scope, agentId));
    }

    static FleetDevice device(String scope, int agentId, int deviceId) {
        FleetDevice row = QuarkusTransaction.requiringNew().call(() -> FleetDevice.<FleetDevice>find(
                "scope = ?1 and agentId = ?2 and deviceId = ?3", scope, agentId, deviceId).firstResult());
        assertNotNull(row, "device " + deviceId + " in the index");
        return row;
    }
}
