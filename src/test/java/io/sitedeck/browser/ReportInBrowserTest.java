package io.sitedeck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Chromium;
import io.sitedeck.testing.ReflectionWatch;
import io.sitedeck.testing.SandboxApi;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 in Chromium, as a technician does it: create a maintenance window for a site, see the site page say so,
 * open the site's monthly availability report, see its price, generate it and download its PDF. The report page and the PDF's first page are
 * the sample in docs/ (target/screenshots, or -Dsitedeck.screenshots). Agent 5003 is only read.
 */
@QuarkusTest
class ReportInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aTechnicianPlansMaintenanceAndDownloadsTheSitesReport() throws Exception {
        Accounts.Member tech = Accounts.tenantWith(Role.ADMIN);
        Accounts.sandboxConnection(tech, "Sandbox");
        ZoneId zone = ZoneId.of(SandboxApi.call().get(SandboxApi.BASE + "/agent/5003").then().statusCode(200).extract()
                .jsonPath().getString("timezone"));
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        LocalDateTime now = LocalDateTime.now(zone);
        Path folder = Path.of(System.getProperty("sitedeck.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        ReflectionWatch.clear();
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)
                    .setAcceptDownloads(true)).newPage();
            page.navigate(root + "reports/settings");
            Chromium.signIn(page, tech);
            page.getByLabel("The MSP's name, on every report").fill("Northwind Managed IT");
            page.getByLabel("Time zone of schedules and team reports").fill("Europe/Rome");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            page.getByLabel("PNG or JPEG, at most 200 KB").setInputFiles(logo(folder));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
            assertThat(page.locator("img.report-logo")).isVisible();

            page.navigate(root + "agents/5003/maintenance");
            page.getByLabel("Title").fill("Core switch replacement");
            page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill(local.format(now.minusMinutes(30)));
            page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill(local.format(now.plusHours(2)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the window")).click();
            assertThat(page.locator(".notice")).containsText("Maintenance window saved.");
            assertThat(page.locator("table.maintenance")).containsText("Core switch replacement");
            assertThat(page.locator("table.maintenance")).containsText("on now");

            page.locator("nav[aria-label=breadcrumb] a").nth(1).click();
            assertThat(page.locator(".maintenance-line")).containsText("In maintenance: Core switch replacement");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Availability report →")).click();
            assertThat(page.locator("h1")).containsText("availability in");
            assertThat(page.locator(".report-cost")).containsText("Domotz call");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate the report")).click();
            assertThat(page.locator(".report-figure")).isVisible();
            assertThat(page.locator("table.availability tbody tr").first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("report.png")).setFullPage(true));
            String site = page.locator("h1").textContent().split(": availability in")[0];

            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Download as PDF")).click());
            Path pdf = Files.createTempFile("report", ".pdf");
            download.saveAs(pdf);
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(document);
                assertTrue(text.contains(site), "the PDF names the site " + site);
                assertTrue(text.contains("Northwind Managed IT"), "the PDF names the MSP");
                assertTrue(text.contains("Vital devices") && text.contains("Incidents") && text.contains("Round-trip delay"), text);
                BufferedImage first = new PDFRenderer(document).renderImageWithDPI(0, 80);
                ImageIO.write(first, "png", folder.resolve("report-pdf.png").toFile());
            }
        }
        // The report section is a tag with untyped parameters: its records must have generated resolvers.
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), ReflectionWatch.fallenThrough(),
                "template expressions resolved by reflection");
    }

    /** A small logo as an MSP would upload it. */
    private static Path logo(Path folder) throws java.io.IOException {
        BufferedImage image = new BufferedImage(180, 48, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(0x1d, 0x4e, 0x89));
        g.fillRoundRect(0, 4, 40, 40, 10, 10);
        g.setColor(java.awt.Color.WHITE);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 20));
        g.drawString("N", 13, 31);
        g.setColor(new java.awt.Color(0x1d, 0x4e, 0x89));
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 16));
        g.drawString("Northwind IT", 50, 30);
        g.dispose();
        Path file = Files.createTempFile("logo", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
