package io.sitedeck.reports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditEvent;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.fleet.FleetCrawler;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.SandboxApi;
import io.sitedeck.testing.Session;
import java.awt.image.BufferedImage;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Issue #18: who may do what with reports — roles on the server, CSRF on every form, another tenant's reports and
 * schedules out of reach, the audit log — the MSP's name and logo on the report, and a team's report over its sites.
 * Agent 5003 and its team's sites are only read.
 */
@QuarkusTest
class ReportsSecurityTest {

    private static final String TEAM_KEY = "sandbox-report-team-key";

    @Test
    void settingsAreTheAdminsAndTheLogoIsAnImageOnTheReport() throws Exception {
        Accounts.Member admin = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(admin, "Sandbox");
        Session session = Session.signIn(admin);
        Accounts.Member tech = Accounts.memberOf(admin.tenantId(), Role.TECHNICIAN);
        Session.signIn(tech).post("/reports/settings", Map.of("mspName", "Sneaky", "zone", "UTC")).then().statusCode(403);
        Session.signIn(tech).post("/reports/business-hours", Map.of("days", List.of("MONDAY"), "opens", "08:00",
                "closes", "18:00")).then().statusCode(403);
        session.post("/reports/settings", Map.of("mspName", "Acme Managed IT", "zone", "Mars/Olympus")).then()
                .statusCode(400).body(containsString("Europe/Rome"));
        session.post("/reports/settings", Map.of("mspName", " ", "zone", "UTC")).then().statusCode(400);
        session.request().contentType("application/x-www-form-urlencoded").formParams(Map.of("mspName", "No token",
                "zone", "UTC")).post("/reports/settings").then().statusCode(403);
        session.post("/reports/settings", Map.of("mspName", "Acme Managed IT", "zone", "Europe/Rome")).then().statusCode(303);

        session.request().multiPart("logo", "logo.png", "not an image".getBytes(StandardCharsets.UTF_8), "image/png")
                .multiPart("_csrf", Session.CSRF).post("/reports/settings/logo").then().statusCode(400)
                .body(containsString("PNG or JPEG"));
        session.request().multiPart("logo", "big.png", new byte[300 * 1024], "image/png")
                .multiPart("_csrf", Session.CSRF).post("/reports/settings/logo").then().statusCode(400)
                .body(containsString("200 KB"));
        byte[] png = png();
        byte[] broken = java.util.Arrays.copyOf(png, 40);
        session.request().multiPart("logo", "broken.png", broken, "image/png").multiPart("_csrf", Session.CSRF)
                .post("/reports/settings/logo").then().statusCode(400).body(containsString("PNG or JPEG"));
        session.request().multiPart("logo", "logo.png", png, "image/png").post("/reports/settings/logo").then()
                .statusCode(403);
        session.request().multiPart("logo", "logo.png", png, "image/png").multiPart("_csrf", Session.CSRF)
                .post("/reports/settings/logo").then().statusCode(303);
        session.get("/reports/settings/logo").then().statusCode(200).contentType("image/png");
        Session.withSandbox(Role.ADMIN).get("/reports/settings/logo").then().statusCode(404);

        session.get("/reports/settings").then().body(containsString("none (one figure")).body(not(containsString("No usual hours")));
        session.post("/reports/business-hours", Map.of("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                "FRIDAY"), "opens", "09:00", "closes", "17:00")).then().statusCode(303).header("Location", "/reports/settings");
        session.get("/reports/settings").then().body(containsString("Mon, Tue, Wed, Thu, Fri 09:00–17:00"))
                .body(containsString("No usual hours"));
        String page = SiteReportTest.generate(session, "/reports/sites/5003", "");
        assertTrue(page.contains("Business hours: Mon, Tue, Wed, Thu, Fri 09:00–17:00 (the MSP&#39;s usual hours)")
                && page.contains("class=\"report-business\""), "the tenant's hours give the second figure");
        assertTrue(page.contains("Acme Managed IT") && page.contains("src=\"/reports/settings/logo\""), "name and logo");
        try (PDDocument pdf = Loader.loadPDF(session.get("/reports/sites/5003/pdf").asByteArray())) {
            assertTrue(new PDFTextStripper().getText(pdf).contains("Acme Managed IT"), "the MSP's name in the PDF");
            boolean image = false;
            for (var name : pdf.getPage(0).getResources().getXObjectNames()) {
                image |= pdf.getPage(0).getResources().getXObject(name) instanceof PDImageXObject;
            }
            assertTrue(image, "the logo is on the PDF's first page");
        }
        assertEquals(List.of("report.business-hours", "report.generate", "report.logo", "report.settings"), QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent>list("tenantId = ?1 and action like 'report.%' and outcome like 'ok%'"
                        + " order by action", admin.tenantId()).stream().map(e -> e.action).distinct().toList()));
    }

    @Test
    void schedulesAndStoredReportsStayInTheirTenant() {
        Accounts.Member tech = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(tech, "Sandbox");
        Session session = Session.signIn(tech);
        session.post("/reports/schedules", Map.of("kind", "SITE", "subject", "5003", "day", "1", "at", "07:00",
                "recipients", "it@customer.example")).then().statusCode(303);
        session.request().contentType("application/x-www-form-urlencoded").formParams(Map.of("kind", "SITE",
                "subject", "5003", "day", "1", "at", "07:00", "recipients", "x@customer.example"))
                .post("/reports/schedules").then().statusCode(403);
        session.request().contentType("application/x-www-form-urlencoded").formParams(Map.of("month", ""))
                .post("/reports/sites/5003").then().statusCode(403);
        long id = QuarkusTransaction.requiringNew().call(() -> ReportSchedule.<ReportSchedule>find("tenantId", tech.tenantId())
                .singleResult().id);
        String stored = session.post("/reports/sites/5003", Map.of("month", "")).then().statusCode(303).extract()
                .header("Location");

        session.get("/reports").then().body(containsString("href=\"" + stored + "\""));
        Session stranger = Session.withSandbox(Role.ADMIN);
        stranger.get("/reports").then().statusCode(200).body(not(containsString("it@customer.example")))
                .body(not(containsString(stored)));
        stranger.post("/reports/schedules/" + id + "/stop", Map.of()).then().statusCode(404);
        stranger.get(stored).then().statusCode(404);
        Session.signIn(Accounts.memberOf(tech.tenantId(), Role.VIEWER)).post("/reports/schedules/" + id + "/stop", Map.of())
                .then().statusCode(403);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ReportSchedule.<ReportSchedule>findById(id).active));

        session.post("/reports/schedules/" + id + "/stop", Map.of()).then().statusCode(303);
        session.get("/reports").then().body(containsString("stopped"));
        assertEquals(List.of("report.generate", "report.schedule", "report.schedule-stop"), QuarkusTransaction
                .requiringNew().call(() -> AuditEvent.<AuditEvent>list("tenantId = ?1 and action like 'report.%'"
                        + " order by action", tech.tenantId()).stream().map(e -> e.action).distinct().toList()));
    }

    @Inject
    FleetCrawler crawler;

    @Test
    void aTeamsReportCoversEachOfItsSites() {
        String team = SandboxApi.call().get(SandboxApi.BASE + "/agent/5003").then().extract().jsonPath().getString("team.name");
        List<Integer> sites = io.restassured.RestAssured.given().header("X-Api-Key", TEAM_KEY).queryParam("team_name", team)
                .get(SandboxApi.BASE + "/agent").then().statusCode(200).extract().jsonPath().getList("id", Integer.class);
        Accounts.Member viewer = Accounts.tenantWith(Role.VIEWER);
        Accounts.sandboxConnection(viewer, "Team reports", TEAM_KEY);
        Session session = Session.signIn(viewer);
        String url = "/reports/team?name=" + URLEncoder.encode(team, StandardCharsets.UTF_8).replace("+", "%20");
        // The URL as a page links it, sent as it is (RestAssured would encode its %20 again).
        session.request().urlEncodingEnabled(false).get(url).then().statusCode(404)
                .body(containsString("No team of that name"));
        // The fleet index learns the teams from the sites list, which the crawler reads.
        crawler.crawlScope(DomotzTarget.embedded(URI.create("http://127.0.0.1:1/public-api/v1"), TEAM_KEY, null).indexScope());
        session.get("/reports").then().body(containsString(url.replace("&", "&amp;")));
        session.request().urlEncodingEnabled(false).get(url).then().statusCode(200)
                .body(containsString("Team " + team + " (" + sites.size() + " sites)"));
        String stored = session.request().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                .formParam("month", "").formParam("_csrf", Session.CSRF).post(url).then().statusCode(303).extract()
                .header("Location");
        String page = session.get(stored).then().statusCode(200).extract().asString();
        int sections = 0;
        for (int site : sites) {
            boolean readable = io.restassured.RestAssured.given().header("X-Api-Key", TEAM_KEY)
                    .get(SandboxApi.BASE + "/agent/" + site).statusCode() == 200;
            assertEquals(readable, page.contains("id=\"site-" + site + "\""), "a section for each readable site: " + site);
            sections += readable ? 1 : 0;
        }
        assertTrue(sections >= 2, "the team has readable sites: " + sections);
        assertEquals(sections < sites.size(), page.contains("Left out"), "unreadable sites are named");
        assertTrue(page.contains("class=\"report-figure\""), "the team's figure");
        session.get("/reports/team?name=No%20such%20team").then().statusCode(404);
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, 100, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
