package io.sitedeck.devices;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Session;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Histories on the device and site-history pages: time ranges in the URL, zones, timelines, table fallbacks. */
@QuarkusTest
class HistoryPagesTest {

    private static final Pattern SAMPLES = Pattern.compile("RTD samples \\((\\d+)\\)");
    private static final Pattern SPEED_TESTS = Pattern.compile("Speed tests \\((\\d+)\\)");

    Session session;

    @BeforeEach
    void signIn() {
        session = Session.withSandbox(Role.VIEWER);
    }

    @Test
    void rtdHistoryFollowsTheRange() {
        assertSlotsInRange(96, samples(session.request().queryParam("range", "24h").get("/agents/5000/devices/100000")
                .asString()));
        assertSlotsInRange(672, samples(session.request().queryParam("range", "7d").get("/agents/5000/devices/100000")
                .asString()));
        String custom = session.request().queryParam("range", "custom").queryParam("tz", "utc")
                .queryParam("from", "2026-03-02T00:00").queryParam("to", "2026-03-02T02:00")
                .get("/agents/5000/devices/100000").asString();
        assertEquals(9, samples(custom));
        assertTrue(custom.contains("2026-03-02 00:00"), "times shown in UTC as asked");
        assertTrue(custom.contains("value=\"2026-03-02T00:00\""), "the custom range stays in the form");
    }

    @Test
    void showsTimesInTheAgentsZoneUnlessUtcIsAsked() {
        String local = session.request().queryParam("range", "custom").queryParam("from", "2026-03-02T00:00")
                .queryParam("to", "2026-03-02T01:00").get("/agents/5000/devices/100000").asString();
        assertTrue(local.contains("Times in Europe/London"), "agent 5000's zone");
        session.request().queryParam("tz", "utc").get("/agents/5000/devices/100000").then()
                .body(containsString("Times in UTC"));
    }

    @Test
    void drawsTheStatusTimelineWithUptime() {
        session.request().queryParam("range", "30d").get("/agents/5000/devices/100000").then().statusCode(200)
                .body(containsString("<svg viewBox=\"0 0 1000 40\""))
                .body(containsString("Uptime over the range: <strong>"))
                .body(containsString("class=\"down\""))
                .body(containsString("data-chart-for=\"rtd-table\""));
    }

    @Test
    void unreadableRangesFallBackToAWeek() {
        assertSlotsInRange(672, samples(session.request().queryParam("range", "custom").queryParam("from", "yesterday")
                .get("/agents/5000/devices/100000").asString()));
        assertSlotsInRange(672, samples(session.request().queryParam("range", "forever").get("/agents/5000/devices/100000")
                .asString()));
    }

    @Test
    void siteHistoryShowsConnectionAndSpeedTests() {
        String page = session.request().queryParam("range", "30d").get("/agents/5000/history").then().statusCode(200)
                .body(containsString("Agent connection")).body(containsString("data-chart-for=\"speed-table\""))
                .body(containsString("CONNECTION_LOST")).extract().asString();
        Matcher tests = SPEED_TESTS.matcher(page);
        assertTrue(tests.find(), "the speed-test table's summary");
        // one test every 6 hours over 30 days; both ends count when the window starts on a 6-hour slot
        assertSlotsInRange(120, Integer.parseInt(tests.group(1)));
    }

    @Test
    void typesCatalogueListsBaseAndDetectedTypes() {
        session.get("/types").then().statusCode(200).body(containsString("Base types (24)"))
                .body(containsString("Hikvision IP Camera")).body(containsString("<code>snapshot</code>"));
    }

    @Test
    void historiesOfAnUnknownAgentAreNotFound() {
        session.get("/agents/1/history").then().statusCode(404).body(not(containsString("Exception")));
    }

    /** One sample per slot (RTD: 15 minutes, speed: 6 hours); both ends count when the window starts on a slot. */
    private static void assertSlotsInRange(int slots, int samples) {
        assertTrue(samples == slots || samples == slots + 1, slots + " slots, got " + samples);
    }

    private static int samples(String html) {
        Matcher matcher = SAMPLES.matcher(html);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
