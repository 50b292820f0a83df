package io.sitedeck.fleet;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.annotations.Annotation;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceStatus;
import io.sitedeck.domotz.model.Importance;
import io.sitedeck.domotz.model.Protocol;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search box, the fleet lists and their CSVs over a site written into the index as Domotz
 * would send it (agent 7001 of key F's Domotz user): ranking, MAC notations, team notes, and who may
 * see what — another Domotz user's member, another tenant's notes.
 */
@QuarkusTest
public class FleetSearchTest {

    static final String KEY_F = "sandbox-fleet-f-key";
    static final String KEY_G = "sandbox-fleet-g-key";
    static final int SITE = 7001;

    @Inject
    FleetIndex index;

    Accounts.Member member;
    Session session;

    @BeforeEach
    void indexASite() {
        member = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(member, "F", KEY_F);
        session = Session.signIn(member);
        Instant now = Instant.now();
        Agent agent = new Agent(SITE, "Lakeside Clinic", null, null, null, null, new Agent.Team(1, "West", null, null),
                "Europe/Rome", null, null, null);
        index.devicesRead(FleetIndexTest.scope(KEY_F), SITE, Optional.of(agent), List.of(
                device(1, "Reception printer", "10.0.20.37", "3c:52:82:0a:1b:2c", 5, now.minus(Duration.ofDays(1))),
                device(2, "Switch 10.0.20.37 uplink", "10.0.20.3", null, null, now.minus(Duration.ofDays(1))),
                device(3, "10.0.20.99", "10.0.20.99", null, 5, now.minus(Duration.ofDays(40))),
                device(4, "Camera", "10.0.20.4", null, 5, now.minus(Duration.ofDays(40))),
                down(5, "Lab UPS", "10.1.1.5", now.minus(Duration.ofHours(3)))),
                Map.of(5, "Printer"), now, FleetSource.PAGE);
    }

    @Test
    void anExactAddressComesBeforeNamesAndPrefixes() {
        String page = session.get("/search?q=10.0.20.37").then().statusCode(200).extract().asString();
        assertBefore(page, link(1), link(2));
        page = session.get("/search?q=10.0.20.3").then().statusCode(200).extract().asString();
        assertBefore(page, link(2), link(1));
        assertTrue(page.contains("IP address"), page);
        assertTrue(page.contains("Lakeside Clinic"), "hits name their site");
    }

    @Test
    void eachDeviceComesOnceInItsBestRankThenByNameAndAPageStopsAtItsSize() {
        Instant now = Instant.now();
        List<Device> printers = new java.util.ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            printers.add(device(100 + i, String.format("Printer %02d", i), "10.2.0." + i, null, null, now));
        }
        printers.add(device(140, "printer", "10.2.0.40", null, null, now));
        printers.add(device(141, "Zebra label maker", "10.2.0.41", null, 5, now));
        Agent other = new Agent(7002, "Hillside Office", null, null, null, null, null, "Europe/Rome", null, null, null);
        index.devicesRead(FleetIndexTest.scope(KEY_F), 7002, Optional.of(other), printers, Map.of(5, "Printer"), now,
                FleetSource.PAGE);

        String page = session.get("/search?q=printer").then().statusCode(200).extract().asString();
        // The whole name, then names starting with it, then a word of the name, then the type's word.
        List<String> order = List.of(link(7002, 140), link(7002, 101), link(7002, 130), link(SITE, 1), link(SITE, 3),
                link(SITE, 4), link(SITE, 5), link(7002, 141));
        for (int i = 1; i < order.size(); i++) {
            assertBefore(page, order.get(i - 1), order.get(i));
        }
        for (String link : order) {
            assertEquals(page.indexOf(link), page.lastIndexOf(link), "once: " + link);
        }
        assertFalse(page.contains("page=1"), "36 devices fit on one page");

        String suggested = session.get("/search/suggest?q=printer").then().statusCode(200).extract().asString();
        assertTrue(suggested.contains(link(7002, 140)) && suggested.contains(link(7002, 111)), suggested);
        assertFalse(suggested.contains(link(7002, 112)) || suggested.contains(link(SITE, 1)), "twelve suggestions at most");
        assertTrue(suggested.contains("Hillside Office"), "grouped under their site's name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3c:52:82:0a:1b:2c", "3C-52-82-0A-1B-2C", "3c52.820a.1b2c", "3C52820A1B2C"})
    void findsAMacInAnyNotation(String mac) {
        String found = session.request().queryParam("q", mac).get("/search/suggest").then().statusCode(200)
                .extract().asString();
        assertTrue(found.contains(link(1)), found);
        assertTrue(found.contains("MAC address"), found);
    }

    @Test
    void findsTheTeamsNotesButNeverAnotherTenantsNorAnotherDomotzUsersDevices() {
        note(4, "Dana Keeper", "");
        session.get("/search?q=dana keeper").then().statusCode(200).body(containsString(link(4)))
                .body(containsString("team note"));

        // Another tenant whose member holds a key of the same Domotz user sees the devices, not this team's notes.
        Accounts.Member sameUser = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(sameUser, "F too", KEY_F);
        Session other = Session.signIn(sameUser);
        other.get("/search?q=10.0.20.37").then().statusCode(200).body(containsString(link(1)));
        other.get("/search?q=dana keeper").then().statusCode(200).body(not(containsString(link(4))));

        // Another Domotz user's member sees nothing of it anywhere.
        Accounts.Member stranger = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(stranger, "G", KEY_G);
        Session theirs = Session.signIn(stranger);
        theirs.get("/search?q=10.0.20.37").then().statusCode(200).body(not(containsString(link(1))));
        theirs.get("/search/suggest?q=3c:52:82:0a:1b:2c").then().statusCode(200).body(not(containsString(link(1))));
        theirs.get("/").then().statusCode(200).body(not(containsString("Lakeside Clinic")));
        theirs.get("/fleet/unrecognised").then().statusCode(200).body(not(containsString(link(2))));
        theirs.get("/search.csv?q=10.0.20").then().statusCode(200).body(not(containsString("Reception printer")));
    }

    @Test
    void theFleetListsAreBookmarkablePagesWithTheirCsv() {
        session.get("/fleet/unrecognised").then().statusCode(200).body(containsString(link(2)))
                .body(not(containsString(link(1))));
        session.get("/fleet/unnamed").then().statusCode(200).body(containsString(link(3)))
                .body(not(containsString(link(4))));
        session.get("/fleet/new?days=7").then().statusCode(200).body(containsString(link(1)))
                .body(not(containsString(link(4))));
        String csv = session.get("/fleet/new.csv?days=7").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertTrue(csv.startsWith("site,agent_id,device_id,name,ip_addresses,mac"), csv);
        assertTrue(csv.contains("Lakeside Clinic,7001,1,Reception printer,10.0.20.37,3C:52:82:0A:1B:2C"), csv);
        String results = session.get("/search.csv?q=10.0.20.3").then().statusCode(200).extract().asString();
        assertEquals(3, results.lines().count(), "a header and two devices: " + results);
    }

    @Test
    void badInputIsAClearFourHundred() {
        session.get("/search?q=" + "x".repeat(201)).then().statusCode(400).body(containsString("at most 200 characters"))
                .body(not(containsString("Exception")));
        session.get("/fleet/new?days=forever").then().statusCode(400).body(containsString("days must be a whole number"));
        session.get("/search?q=printer&page=-1").then().statusCode(400);
        session.get("/fleet/everything").then().statusCode(404);
        session.get("/search?q=%25").then().statusCode(200).body(not(containsString(link(1))));
    }

    @Test
    void theNocPageFiltersByTeamAndTagAndNamesTheOwnerOfWhatIsDown() {
        note(5, "Sam Owner", "vip power");
        note(Annotation.SITE, "Alex Site-Lead", "");
        String noc = session.get("/").then().statusCode(200).extract().asString();
        assertTrue(noc.contains("title=\"This site has a team note\""), "the tile says the site has a note");
        Accounts.Member otherTenant = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(otherTenant, "F too", KEY_F);
        String theirs = Session.signIn(otherTenant).get("/").then().statusCode(200).extract().asString();
        assertTrue(theirs.contains("data-agent=\"" + SITE + "\""), "the same Domotz user's site");
        assertTrue(!theirs.contains("title=\"This site has a team note\"") && !theirs.contains("Sam Owner"),
                "but not the other tenant's note badge or owner");
        assertTrue(noc.contains("data-agent=\"" + SITE + "\""), noc);
        assertTrue(noc.contains("<b>1</b> / 5 down · <b class=\"vital\">1 vital</b>"), noc);
        assertBefore(noc, "Down now across all customers", link(5));
        assertTrue(noc.contains("<td>Sam Owner</td>"), "the team note's owner of the device down");

        session.get("/?team=West").then().statusCode(200).body(containsString("data-agent=\"" + SITE + "\""));
        session.get("/?team=East").then().statusCode(200).body(not(containsString("data-agent=\"" + SITE + "\"")))
                .body(not(containsString(link(5))));
        session.get("/?tag=vip").then().statusCode(200).body(containsString("data-agent=\"" + SITE + "\""));
        session.get("/?tag=vi").then().statusCode(200).body(not(containsString("data-agent=\"" + SITE + "\"")));
        // The live part alone, as the page reloads it when the stream says the fleet changed.
        session.htmxGet("/?tag=vip").then().statusCode(200).body(containsString(link(5)))
                .body(not(containsString("<html")));
    }

    private void note(int deviceId, String owner, String tags) {
        QuarkusTransaction.requiringNew().run(() -> {
            Annotation note = new Annotation();
            note.tenantId = member.tenantId();
            note.agentId = SITE;
            note.deviceId = deviceId;
            note.owner = owner;
            note.tags = tags;
            note.updatedAt = Instant.now();
            note.updatedBy = member.email();
            note.persist();
        });
    }

    private static Device down(int id, String name, String ip, Instant since) {
        return new Device(id, name, Protocol.IP, DeviceStatus.DOWN, Importance.VITAL, null, null, since, null,
                new Device.TypeRef(5, 20), null, true, null, List.of(ip), since, null, null, null, false, null);
    }

    private static String link(int deviceId) {
        return link(SITE, deviceId);
    }

    private static String link(int agentId, int deviceId) {
        return "href=\"/agents/" + agentId + "/devices/" + deviceId + "\"";
    }

    private static void assertBefore(String page, String first, String second) {
        int a = page.indexOf(first);
        int b = page.indexOf(second);
        assertTrue(a >= 0 && b >= 0 && a < b, first + " before " + second + " in " + page);
    }

    private static Device device(int id, String name, String ip, String mac, Integer type, Instant firstSeen) {
        return new Device(id, name, Protocol.IP, DeviceStatus.ONLINE, Importance.FLOATING, null,
                new Device.Details("Reception", null, null, null), firstSeen, null,
                type == null ? null : new Device.TypeRef(type, 20), null, true, null, List.of(ip), firstSeen, "M1", "HP",
                mac, false, null);
    }
}
