package io.sitedeck.events;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import io.sitedeck.testing.Webhooks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Events page and its CSV: newest first, filters, pages, links, and only the team's own events. */
@QuarkusTest
class EventsPageTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    Accounts.Member member;
    Session session;

    @BeforeEach
    void events() {
        member = Accounts.tenantWith(Role.VIEWER);
        session = Session.signIn(member);
        String token = Webhooks.tokenOf(member.tenantId());
        for (int i = 0; i < 60; i++) { // one a minute, alternating two devices of two sites
            int agent = i % 2 == 0 ? 5003 : 5006;
            int device = i % 2 == 0 ? 101004 : 102004;
            Webhooks.post(token, Webhooks.deviceStatus(agent, device, i % 4 < 2 ? "DOWN" : "UP", T0.plusSeconds(60L * i)))
                    .then().statusCode(201);
        }
        Webhooks.post(token, Webhooks.agentStatus(5003, "DOWN", T0.plusSeconds(3_700))).then().statusCode(201);
    }

    @Test
    void newestFirstWithLinksToSiteAndDeviceAndPaged() {
        String first = session.get("/events").then().statusCode(200).extract().asString();
        List<String> times = times(first);
        assertEquals(50, times.size(), "a page of 50");
        assertEquals("2026-11-20T11:01:40Z", times.get(0), "the newest first (the site event)");
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times);
        assertTrue(first.contains("href=\"/agents/5006/devices/102004\"") && first.contains("href=\"/agents/5003\""));
        assertTrue(first.contains("href=\"/events?page=2\""), "a link to the older page");

        List<String> second = times(session.get("/events?page=2").asString());
        assertEquals(11, second.size(), "the rest");
        assertTrue(second.get(0).compareTo(times.get(49)) < 0);
    }

    @Test
    void filtersBySiteDeviceTypeAndTime() {
        assertEquals(31, times(session.get("/events?site=5003").asString()).size(), "30 device events and the site's own");
        assertEquals(30, times(session.get("/events?site=5006&device=102004").asString()).size());
        assertEquals(1, times(session.get("/events?type=agent_status").asString()).size());
        List<String> window = times(session.get("/events?from=2026-11-20T10:10&to=2026-11-20T10:19:59Z").asString());
        assertEquals(10, window.size());
        assertTrue(window.stream().allMatch(t -> t.startsWith("2026-11-20T10:1")));
    }

    @Test
    void aFilterThatCannotBeReadSaysWhy() {
        session.get("/events?site=abc&from=yesterday&type=device_exploded").then().statusCode(400)
                .body(containsString("&#39;abc&#39; is not a site id"))
                .body(containsString("is not a date and time"))
                .body(containsString("Unknown event type"));
        session.get("/events.csv?to=soon").then().statusCode(400).body(containsString("is not a date and time"));
    }

    @Test
    void theCsvHasEveryMatchingEvent() {
        String csv = session.get("/events.csv?site=5006").then().statusCode(200)
                .header("Content-Type", containsString("text/csv"))
                .header("Content-Disposition", containsString("events.csv")).extract().asString();
        String[] rows = csv.split("\r\n");
        assertEquals("id,occurred_utc,received_utc,event,site_id,site,device_id,device,state,summary", rows[0]);
        assertEquals(31, rows.length, "a header and 30 events");
        assertTrue(rows[1].contains(",device_status,5006,") && rows[1].contains(",102004,"), rows[1]);
    }

    @Test
    void anotherTeamSeesNoneOfIt() {
        Session stranger = Session.signIn(Accounts.tenantWith(Role.ADMIN));
        stranger.get("/events").then().statusCode(200).body(not(containsString("data-event-id")));
        stranger.get("/events?site=5003").then().statusCode(200).body(not(containsString("data-event-id")));
        assertEquals(1, stranger.get("/events.csv").asString().split("\r\n").length, "the header only");
    }

    private static List<String> times(String page) {
        Matcher time = Pattern.compile("<time datetime=\"([^\"]+)\"").matcher(page);
        List<String> times = new ArrayList<>();
        while (time.find()) {
            times.add(time.group(1));
        }
        return times;
    }
}
