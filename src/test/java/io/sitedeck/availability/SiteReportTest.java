package io.sitedeck.availability;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitedeck.account.Role;
import io.sitedeck.testing.SandboxApi;
import io.sitedeck.testing.Session;
import java.time.Instant;
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
        String page = session.get("/reports/sites/5003?month=" + month).then().statusCode(200)
                .body(containsString("availability in " + month)).extract().asString();

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
        List<String> figures = new ArrayList<>();
        for (int i = 0; i < devices.getList("$").size(); i++) {
            if (!"VITAL".equals(devices.getString("[" + i + "].importance"))) {
                continue;
            }
            int id = devices.getInt("[" + i + "].id");
            String name = devices.getString("[" + i + "].display_name");
            List<Point> points = new ArrayList<>(agent);
            JsonPath history = SandboxApi.call().queryParams(Map.of("from", QUERY.format(readFrom), "to", QUERY.format(to)))
                    .get(SandboxApi.BASE + "/agent/5003/device/" + id + "/history/network/event").then().statusCode(200)
                    .extract().jsonPath();
            for (int j = 0; j < history.getList("$").size(); j++) {
                String type = history.getString("[" + j + "].type");
                if ("UP".equals(type) || "DOWN".equals(type)) {
                    points.add(new Point(Instant.parse(history.getString("[" + j + "].timestamp")), "device", "UP".equals(type)));
                }
            }
            String expected = expected(points, from, to);
            Matcher row = Pattern.compile("/devices/" + id + "\">[^<]*</a></td><td class=\"figure\">([^<]+)</td>").matcher(page);
            assertTrue(row.find(), "the report has a line for " + name);
            assertEquals(expected, row.group(1), name + "'s availability");
            figures.add(expected);
            checked++;
        }
        assertTrue(checked > 0, "agent 5003 has vital devices");
        assertTrue(figures.stream().anyMatch(f -> !f.equals("no data") && !f.equals("100.000 %")),
                "some vital device was down last month, so the figures say something: " + figures);
    }

    @Test
    void thePdfOpensAndHoldsTheSiteTheFiguresAndEveryIncident() throws Exception {
        Session session = Session.withSandbox(Role.VIEWER);
        String page = session.get("/reports/sites/5003").then().statusCode(200).extract().asString();
        io.restassured.response.Response pdf = session.get("/reports/sites/5003/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(pdf.header("Content-Disposition").startsWith("attachment; filename=\"availability-5003-"));
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.asByteArray())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        String site = page.replaceAll("(?s).*<h1>([^<:]+): availability in.*", "$1").replace("&#8211;", "–");
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
    }

    @Test
    void businessHoursGiveASecondFigureSetByATechnician() throws Exception {
        io.sitedeck.testing.Accounts.Member tech = io.sitedeck.testing.Accounts.tenantWith(Role.TECHNICIAN);
        io.sitedeck.testing.Accounts.sandboxConnection(tech, "Sandbox");
        Session session = Session.signIn(tech);
        session.get("/reports/sites/5003").then().body(containsString("Business hours: none set"))
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
        String page = session.get("/reports/sites/5003").then().statusCode(200)
                .body(containsString("Business hours: Mon, Tue, Wed, Thu, Fri 08:00–18:00"))
                .body(containsString("<th>In business hours</th>")).extract().asString();
        Matcher figure = Pattern.compile("<td class=\"business-figure\">([0-9.]+ %|no data)</td>").matcher(page);
        assertTrue(figure.find(), "each vital device has a business-hours figure");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(
                session.get("/reports/sites/5003/pdf").asByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("Business hours: Mon, Tue, Wed, Thu, Fri 08:00–18:00"), text);
        }
        // Another tenant's report of the same site has none.
        Session.withSandbox(Role.VIEWER).get("/reports/sites/5003").then().body(containsString("Business hours: none set"));

        session.post("/reports/sites/5003/business-hours", Map.of("clear", "true")).then().statusCode(303);
        session.get("/reports/sites/5003").then().body(containsString("Business hours: none set"));
    }

    /** Walks the period: the agent away or no device status yet is unknown; else up or down time is counted. */
    private static String expected(List<Point> points, Instant from, Instant to) {
        points.sort(Comparator.comparing(Point::at));
        Boolean device = null;
        boolean agentUp = true;
        long[] upDown = new long[2];
        Instant cursor = from;
        for (Point p : points) {
            if (!p.at().isBefore(to)) {
                break;
            }
            if (p.at().isAfter(cursor)) {
                count(upDown, agentUp, device, p.at().toEpochMilli() - cursor.toEpochMilli());
                cursor = p.at();
            }
            if (p.what().equals("agent")) {
                agentUp = p.up();
            } else {
                device = p.up();
            }
        }
        count(upDown, agentUp, device, to.toEpochMilli() - cursor.toEpochMilli());
        return upDown[0] + upDown[1] == 0 ? "no data"
                : String.format(Locale.ROOT, "%.3f %%", 100.0 * upDown[0] / (upDown[0] + upDown[1]));
    }

    /** A stretch counts as up or down only while the agent is reachable and the device's status is known. */
    private static void count(long[] upDown, boolean agentUp, Boolean device, long millis) {
        if (millis > 0 && agentUp && device != null) {
            upDown[device ? 0 : 1] += millis;
        }
    }
}
