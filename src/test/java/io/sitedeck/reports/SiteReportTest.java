package io.sitedeck.reports;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.SandboxApi;
import io.sitedeck.testing.Session;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Issue #18: a site's monthly availability report against a figure this test computes on its own from the
 * sandbox's histories (read straight from the sandbox API, walked event by event here — not with the console's
 * rules class): last month, every vital device of agent 5003, which no test class changes.
 */
@QuarkusTest
class SiteReportTest {

    private static final DateTimeFormatter QUERY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A change of what the test knows: the device up or down, the agent reachable or not. */
    private record Point(Instant at, String what, boolean up) {
    }

    @Test
    void eachVitalDevicesAvailabilityIsWhatTheHistoriesSay() {
        Session session = Session.withSandbox(Role.VIEWER);
        String zoneId = SandboxApi.call().get(SandboxApi.BASE + "/agent/5003").then().statusCode(200).extract()
                .jsonPath().getString("timezone");
        ZoneId zone = ZoneId.of(zoneId);
        YearMonth month = YearMonth.now(zone).minusMonths(1);
        session.get("/reports/sites/5003?month=" + month).then().statusCode(200)
                .body(containsString("availability in " + month)).body(containsString("Generate the report"))
                .body(Matchers.matchesPattern("(?s).*costs\\s*<strong>[0-9]+ Domotz calls?</strong>.*"));
        String page = generate(session, "/reports/sites/5003", month.toString());
        String siteFigure = assertFigures(page, zone, month, null, null);
        // Stored: opening the site's report again shows the same figures without generating.
        session.get("/reports/sites/5003?month=" + month).then().statusCode(200)
                .body(containsString("<strong class=\"report-figure\">" + siteFigure))
                .body(containsString("Generate again"));
    }

    @Test
    void aSiteWindowIsNeitherUpNorDown() {
        Accounts.Member tech = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(tech, "Sandbox");
        Session session = Session.signIn(tech);
        ZoneId zone = ZoneId.of(SandboxApi.call().get(SandboxApi.BASE + "/agent/5003").then().extract().jsonPath()
                .getString("timezone"));
        YearMonth month = YearMonth.now(zone).minusMonths(1);
        LocalDateTime start = month.atDay(10).atStartOfDay();
        LocalDateTime end = month.atDay(12).atStartOfDay();
        session.post("/agents/5003/maintenance", Map.of("title", "Core switch swap", "covers", "SITE", "kind", "ONCE",
                "from", start.toString(), "to", end.toString(), "devices", "")).then().statusCode(303);
        String page = generate(session, "/reports/sites/5003", month.toString());
        assertTrue(page.contains("<td>48.0 h</td>"), "two days in maintenance for each vital device");
        assertFigures(page, zone, month, start.atZone(zone).toInstant(), end.atZone(zone).toInstant());
    }

    /**
     * Checks every vital device's figure and the site's on the page against the sandbox's histories walked here, with
     * a site-wide maintenance window [windowFrom, windowTo) or none; returns the site's figure.
     */
    private static String assertFigures(String page, ZoneId zone, YearMonth month, Instant windowFrom, Instant windowTo) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant readFrom = from.minus(java.time.Duration.ofDays(7));
        List<Point> agent = new ArrayList<>();
        JsonPath agentEvents = SandboxApi.call().queryParams(Map.of("from", QUERY.format(readFrom), "to", QUERY.format(to)))
                .get(SandboxApi.BASE + "/agent/5003/history/network/event").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < agentEvents.getList("$").size(); i++) {
            String type = agentEvents.getString("[" + i + "].type");
            Instant at = Instant.parse(agentEvents.getString("[" + i + "].timestamp"));
            if (List.of("CONNECTION_LOST", "DOWN").contains(type)) {
                agent.add(new Point(at, "agent", false));
            } else if (List.of("CONNECTION_RECOVERED", "UP").contains(type)) {
                agent.add(new Point(at, "agent", true));
            }
        }

        JsonPath devices = SandboxApi.call().get(SandboxApi.BASE + "/agent/5003/device").then().statusCode(200)
                .extract().jsonPath();
        int checked = 0;
        long[] site = new long[2];
        List<String> figures = new ArrayList<>();
        for (int i = 0; i < devices.getList("$").size(); i++) {
            if (!"VITAL".equals(devices.getString("[" + i + "].importance"))) {
                continue;
            }
            int id = devices.getInt("[" + i + "].id");
            String name = devices.getString("[" + i + "].display_name");
            List<Point> points = new ArrayList<>(agent);
            if (windowFrom != null) {
                points.add(new Point(windowFrom, "maintenance", false));
                points.add(new Point(windowTo, "maintenance", true));
            }
            JsonPath history = SandboxApi.call().queryParams(Map.of("from", QUERY.format(readFrom), "to", QUERY.format(to)))
                    .get(SandboxApi.BASE + "/agent/5003/device/" + id + "/history/network/event").then().statusCode(200)
                    .extract().jsonPath();
            for (int j = 0; j < history.getList("$").size(); j++) {
                String type = history.getString("[" + j + "].type");
                if ("UP".equals(type) || "DOWN".equals(type)) {
                    points.add(new Point(Instant.parse(history.getString("[" + j + "].timestamp")), "device", "UP".equals(type)));
                }
            }
            long[] upDown = upDown(points, from, to);
            site[0] += upDown[0];
            site[1] += upDown[1];
            String expected = percent(upDown);
            Matcher row = Pattern.compile("/devices/" + id + "\">[^<]*</a></td><td class=\"figure\">([^<]+)</td>").matcher(page);
            assertTrue(row.find(), "the report has a line for " + name);
            assertEquals(expected, row.group(1), name + "'s availability");
            figures.add(expected);
            checked++;
        }
        assertTrue(checked > 0, "agent 5003 has vital devices");
        Matcher siteFigure = Pattern.compile("<strong class=\"report-figure\">([^<]+)</strong>").matcher(page);
        assertTrue(siteFigure.find(), "the report has the site's figure");
        assertEquals(percent(site), siteFigure.group(1), "the site's figure: its vital devices' up over up + down");
        assertTrue(figures.stream().anyMatch(f -> !f.equals("no data") && !f.equals("100.000 %")),
                "some vital device was down last month, so the figures say something: " + figures);
        return siteFigure.group(1);
    }

    @Test
    void thePdfOpensAndHoldsTheSiteTheFiguresAndEveryIncident() throws Exception {
        Session session = Session.withSandbox(Role.VIEWER);
        session.get("/reports/sites/5003/pdf").then().statusCode(404).body(containsString("No report of"));
        String page = generate(session, "/reports/sites/5003", "");
        io.restassured.response.Response pdf = session.get("/reports/sites/5003/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(pdf.header("Content-Disposition").startsWith("attachment; filename=\"availability-5003-"));
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.asByteArray())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        String site = page.replaceAll("(?s).*<h1>([^<:]+): availability in.*", "$1").replace("&#8211;", "–");
        assertTrue(text.contains("Round-trip delay") && text.contains("Internet speed") && text.contains("Devices added"),
                "the summaries: " + text);
        assertTrue(text.contains(site.replace("&ndash;", "–")), "the site's name: " + site);
        Matcher figures = Pattern.compile("<td class=\"figure\">([^<]+)</td>").matcher(page);
        int count = 0;
        while (figures.find()) {
            assertTrue(text.contains(figures.group(1)), "figure " + figures.group(1));
            count++;
        }
        assertTrue(count > 0, "the page has figures");
        Matcher incidents = Pattern.compile("<tr><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td><td>[^<]*</td></tr>").matcher(
                page.substring(page.indexOf("class=\"striped incidents\"")));
        int incidentCount = 0;
        while (incidents.find()) {
            assertTrue(text.contains(incidents.group(2).replace("&#39;", "'")), "incident beginning " + incidents.group(2));
            assertTrue(text.contains(incidents.group(3)), "incident lasting " + incidents.group(3));
            incidentCount++;
        }
        assertTrue(incidentCount > 0, "last month had incidents at this site");
        session.get("/reports/sites/5003/pdf?month=2026-13").then().statusCode(400)
                .body(containsString("like 2026-11"));
        session.post("/reports/sites/5003", Map.of("month", "next year")).then().statusCode(400)
                .body(containsString("like 2026-11"));
    }

    @Test
    void businessHoursGiveASecondFigureSetByATechnician() throws Exception {
        io.sitedeck.testing.Accounts.Member tech = io.sitedeck.testing.Accounts.tenantWith(Role.TECHNICIAN);
        io.sitedeck.testing.Accounts.sandboxConnection(tech, "Sandbox");
        Session session = Session.signIn(tech);
        generate(session, "/reports/sites/5003", "");
        session.get("/reports/sites/5003").then().body(containsString("Business hours now: none, one figure around the clock"))
                .body(org.hamcrest.Matchers.not(containsString("In business hours")));
        List<String> weekdays = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        session.post("/reports/sites/5003/business-hours", Map.of("days", weekdays, "opens", "18:00", "closes", "08:00"))
                .then().statusCode(400).body(containsString("close after they open"));
        session.post("/reports/sites/5003/business-hours", Map.of("opens", "08:00", "closes", "18:00"))
                .then().statusCode(400).body(containsString("Choose the days"));
        io.sitedeck.testing.Accounts.Member viewer = io.sitedeck.testing.Accounts.memberOf(tech.tenantId(), Role.VIEWER);
        Session.signIn(viewer).post("/reports/sites/5003/business-hours",
                Map.of("days", weekdays, "opens", "08:00", "closes", "18:00")).then().statusCode(403);

        session.post("/reports/sites/5003/business-hours", Map.of("days", weekdays, "opens", "08:00", "closes", "18:00"))
                .then().statusCode(303).header("Location", "/reports/sites/5003");
        session.get("/reports/sites/5003").then().body(containsString("Business hours now: Mon, Tue, Wed, Thu, Fri 08:00–18:00"));
        String page = generate(session, "/reports/sites/5003", "");
        assertTrue(page.contains("Business hours: Mon, Tue, Wed, Thu, Fri 08:00–18:00") && page.contains("<th>In business hours</th>"),
                "the new report counts the hours");
        Matcher figure = Pattern.compile("<td class=\"business-figure\">([0-9.]+ %|no data)</td>").matcher(page);
        assertTrue(figure.find(), "each vital device has a business-hours figure");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(
                session.get("/reports/sites/5003/pdf").asByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("Business hours: Mon, Tue, Wed, Thu, Fri 08:00–18:00"), text);
        }
        // Another tenant's report of the same site has none, and does not see this tenant's stored report.
        Session other = Session.withSandbox(Role.VIEWER);
        other.get("/reports/sites/5003").then().body(containsString("Business hours now: none"))
                .body(org.hamcrest.Matchers.not(containsString("report-figure")));
        String storedUrl = session.get("/reports").then().statusCode(200).extract().asString()
                .replaceAll("(?s).*?href=\"(/reports/stored/[0-9]+)\".*", "$1");
        other.get(storedUrl).then().statusCode(404);
        other.get(storedUrl + "/pdf").then().statusCode(404);
        session.get(storedUrl).then().statusCode(200);

        session.post("/reports/sites/5003/business-hours", Map.of("clear", "true")).then().statusCode(303);
        session.get("/reports/sites/5003").then().body(containsString("Business hours now: none"));
    }

    /** Generates the report of a month by the page's button and returns the stored report's page. */
    static String generate(Session session, String path, String month) {
        String stored = session.post(path, Map.of("month", month)).then().statusCode(303).extract().header("Location");
        assertTrue(stored.startsWith("/reports/stored/"), stored);
        return session.get(stored).then().statusCode(200).extract().asString();
    }

    private static String percent(long[] upDown) {
        return upDown[0] + upDown[1] == 0 ? "no data"
                : String.format(Locale.ROOT, "%.3f %%", 100.0 * upDown[0] / (upDown[0] + upDown[1]));
    }

    /** Walks the period: the agent away or no device status yet is unknown; else up or down time is counted. */
    private static long[] upDown(List<Point> points, Instant from, Instant to) {
        points.sort(Comparator.comparing(Point::at));
        Boolean device = null;
        boolean agentUp = true;
        boolean planned = false;
        long[] upDown = new long[2];
        Instant cursor = from;
        for (Point p : points) {
            if (!p.at().isBefore(to)) {
                break;
            }
            if (p.at().isAfter(cursor)) {
                count(upDown, agentUp && !planned, device, p.at().toEpochMilli() - cursor.toEpochMilli());
                cursor = p.at();
            }
            if (p.what().equals("agent")) {
                agentUp = p.up();
            } else if (p.what().equals("maintenance")) {
                planned = !p.up();
            } else {
                device = p.up();
            }
        }
        count(upDown, agentUp && !planned, device, to.toEpochMilli() - cursor.toEpochMilli());
        return upDown;
    }

    /** A stretch counts as up or down only while the agent is reachable (and no window is on) and the device's status is known. */
    private static void count(long[] upDown, boolean agentUp, Boolean device, long millis) {
        if (millis > 0 && agentUp && device != null) {
            upDown[device ? 0 : 1] += millis;
        }
    }
}
