package io.sitedeck.agents;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Session;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sites list and a site's devices table against the sandbox: content, search, filters, sorting, paging. */
@QuarkusTest
class SitesAndSitePagesTest {

    private static final Pattern DEVICE_LINK = Pattern.compile("<a href=\"/agents/5000/devices/(\\d+)\">([^<]*)</a>");

    Session session;

    @BeforeEach
    void signIn() {
        session = Session.withSandbox(Role.VIEWER);
    }

    @Test
    void listsSitesGroupedByTeamWithStatusAge() {
        session.get("/agents").then().statusCode(200).header("Vary", containsString("HX-Request"))
                .body(containsString("12 sites"))
                .body(containsString("<tr class=\"group\"><th colspan=\"5\">North Region</th></tr>"))
                .body(containsString("<a href=\"/agents/5000\">Harbor Dental – HQ</a>"))
                .body(containsString("listed only: this agent's plan has no API access"))
                .body(not(containsString("<a href=\"/agents/5012\">")))
                .body(containsString("OWNED"));
    }

    @Test
    void searchesPagesAndAnswersHtmxWithTheFragmentOnly() {
        session.request().queryParam("q", "HARBOR").get("/agents").then().statusCode(200)
                .body(containsString("1 sites")).body(containsString("Harbor Dental"));
        Response second = session.request().queryParam("size", "10").queryParam("page", "1").get("/agents");
        second.then().body(containsString("Page 2 of 2")).body(containsString("← Previous"))
                .body(not(containsString("Harbor Dental")));
        session.request().header("HX-Request", "true").queryParam("team", "South Region").get("/agents").then()
                .statusCode(200).body(not(containsString("<html"))).body(containsString("4 sites in South Region"));
        session.request().queryParam("page", "abc").queryParam("size", "-3").get("/agents").then().statusCode(200)
                .body(containsString("Page 1 of 1"));
    }

    @Test
    void showsASiteWithItsDevices() {
        session.get("/agents/5000").then().statusCode(200)
                .body(containsString("<h1>Harbor Dental – HQ"))
                .body(containsString("Listens on"))
                .body(containsString("devices</p>"))
                .body(containsString("Gateway"))
                .body(containsString("ms <small"));
    }

    @Test
    void filtersTheDevicesTableFromTheQueryString() {
        String all = session.get("/agents/5000").asString();
        int total = count(all);
        String down = session.request().queryParam("status", "DOWN").get("/agents/5000").asString();
        assertTrue(count(down) > 0 && count(down) < total, "only DOWN devices: " + count(down));
        assertTrue(down.contains("<option selected>DOWN</option>"), "the filter shows as chosen");

        session.request().queryParam("q", "192.168.0.10").get("/agents/5000").then()
                .body(containsString("1 of")).body(containsString("192.168.0.10"));
        String hidden = session.request().queryParam("show_hidden", "true").get("/agents/5000").asString();
        assertTrue(hidden.contains("HIDDEN"), "show_hidden adds hidden devices");
        assertTrue(!all.contains("status-HIDDEN"));
    }

    @Test
    void sortsAnyColumnBothWays() {
        List<String> byName = names(session.request().queryParam("sort", "name").get("/agents/5000").asString());
        List<String> byNameDesc = names(session.request().queryParam("sort", "name").queryParam("dir", "desc")
                .get("/agents/5000").asString());
        assertEquals(byName.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), byName);
        assertEquals(byName.get(0), byNameDesc.get(byNameDesc.size() - 1));
        session.request().queryParam("sort", "latency").get("/agents/5000").then().statusCode(200);
        session.request().queryParam("sort", "nonsense").get("/agents/5000").then().statusCode(200);
    }

    @Test
    void pagesLargeDeviceLists() {
        String first = session.request().queryParam("size", "25").get("/agents/5000").asString();
        assertEquals(25, count(first));
        assertTrue(first.contains("Page 1 of 2"));
        session.request().queryParam("size", "25").queryParam("page", "1").get("/agents/5000").then()
                .body(containsString("Page 2 of 2"));
    }

    @Test
    void theDevicesFragmentAloneForHtmx() {
        session.request().header("HX-Request", "true").queryParam("importance", "VITAL").get("/agents/5000").then()
                .statusCode(200).header("Vary", equalTo("HX-Request")).body(not(containsString("<html")))
                .body(containsString("devices</p>"));
    }

    private static int count(String html) {
        Matcher matcher = DEVICE_LINK.matcher(html);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static List<String> names(String html) {
        Matcher matcher = DEVICE_LINK.matcher(html);
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(2).replace("&#39;", "'").replace("&quot;", "\""));
        }
        return names;
    }
}
