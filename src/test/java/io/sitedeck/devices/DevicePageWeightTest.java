package io.sitedeck.devices;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Accounts;
import io.sitedeck.testing.Session;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The device page stays light (issue #15: at most 40 KB for a week of samples; bytes are
 * deterministic, time is not), and its two parts that carry the samples — the chart's compact
 * columns and the table loaded when opened — cost no Domotz call beyond the page's own reads.
 * Counted by the sandbox for a key no other test uses.
 */
@QuarkusTest
class DevicePageWeightTest {

    private static final String KEY = "sandbox-page-weight-key";
    private static final String DEVICE = "/agents/5000/devices/100001";
    private static final Pattern CHART = Pattern.compile("data-chart-src=\"([^\"]+)\"");
    private static final Pattern TABLE = Pattern.compile("<a href=\"([^\"]+/rtd/samples[^\"]*)\">");
    private static final Pattern EDITORS = Pattern.compile("<a href=\"([^\"]+/edit)\">");

    @Test
    void aWeekOfSamplesKeepsThePageUnder40KilobytesAndItsPartsCostNoCall() {
        Accounts.Member technician = Accounts.tenantWith(Role.TECHNICIAN);
        Accounts.sandboxConnection(technician, "Weighed", KEY);
        Session session = Session.signIn(technician);

        String page = session.request().queryParam("range", "7d").get(DEVICE).then().statusCode(200).extract().asString();
        int bytes = page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(bytes <= 40_000, "the device page weighs " + bytes + " bytes");
        int samples = Integer.parseInt(page.replaceAll("(?s).*RTD samples \\((\\d+)\\).*", "$1"));
        assertTrue(samples >= 672, "a week of quarter hours: " + samples);

        int before = usage();
        JsonPath chart = session.request().get(unescape(first(CHART, page))).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        List<Long> times = chart.getList("t", Long.class);
        assertEquals(samples, times.size(), "every sample of the page's window");
        assertEquals(samples, chart.getList("median").size());
        String part = session.htmxGet(unescape(first(TABLE, page))).then().statusCode(200).extract().asString();
        assertEquals(samples, part.split("<tr data-t=").length - 1, "the table has every sample too");
        assertTrue(!part.contains("<nav"), "htmx gets the table alone");
        assertTrue(!page.contains("id=\"field-name\""), "the editors are not on the page");
        String editors = session.htmxGet(first(EDITORS, page)).then().statusCode(200).extract().asString();
        assertEquals(7, editors.split("class=\"field-edit\"").length - 1, "the seven editors");
        assertTrue(editors.contains("id=\"field-type\"") && editors.contains("<option value=") && !editors.contains("<nav"),
                editors);
        assertEquals(0, usage() - before - 1,
                "the chart data, the table and the editors come from the cache (the usage call counts once)");
    }

    @Test
    void withoutJavaScriptTheLinkOpensTheTableAsAPage() {
        Session session = Session.withSandbox(Role.VIEWER);
        String page = session.request().queryParam("range", "24h").get(DEVICE).then().statusCode(200).extract().asString();
        String link = unescape(first(TABLE, page));
        String samples = session.get(link).then().statusCode(200).extract().asString();
        assertTrue(samples.contains("<nav") && samples.contains("RTD samples of") && samples.contains("<tr data-t="),
                samples);
    }

    @Test
    void theEditorsAreTechniciansOnesAndAPageOfTheirOwnWithoutJavaScript() {
        Session technician = Session.withSandbox(Role.TECHNICIAN);
        String page = technician.get(DEVICE + "/edit").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<nav") && page.contains("<h1>Edit ") && page.contains("id=\"field-room\""), page);
        Session viewer = Session.withSandbox(Role.VIEWER);
        viewer.get(DEVICE + "/edit").then().statusCode(403);
        assertTrue(!viewer.get(DEVICE).then().statusCode(200).extract().asString().contains("/edit\""),
                "viewers are not offered the editors");
    }

    private static String first(Pattern pattern, String html) {
        Matcher found = pattern.matcher(html);
        assertTrue(found.find(), pattern + " on the page");
        return found.group(1);
    }

    private static String unescape(String attribute) {
        return attribute.replace("&amp;", "&");
    }

    private static int usage() {
        return given().header("X-Api-Key", KEY).get("/public-api/v1/meta/usage").then().statusCode(200)
                .extract().jsonPath().getInt("daily_usage");
    }
}
