package io.sitedeck.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sitedeck.account.Role;
import io.sitedeck.testing.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV exports: the devices table exactly as filtered (with the team's notes), and a device's history. */
@QuarkusTest
class ExportsTest {

    @Test
    void exportsTheDevicesTableAsFilteredWithNotesAndSafeCells() {
        Session session = Session.withSandbox(Role.TECHNICIAN);
        session.post("/agents/5009/devices/103004/notes", AnnotationsTest.form("-1",
                "=HYPERLINK(\"http://evil\",\"click\")\nsecond line, with comma", "csv-test", "+49 30 1234",
                "Asset, number", "A-17")).then().statusCode(303);
        session.post("/agents/5009/devices/103006/notes", AnnotationsTest.form("-1", "plain", "csv-test", "", "Rack", "R2"))
                .then().statusCode(303);

        Response csv = session.get("/agents/5009/devices.csv?q=tag:csv-test&sort=name");
        csv.then().statusCode(200).contentType("text/csv").header("Content-Disposition",
                org.hamcrest.Matchers.containsString("site-5009-devices.csv"));
        List<List<String>> rows = parse(csv.asString());
        List<String> header = rows.get(0);
        assertEquals(List.of("id", "name", "status", "importance", "type", "kind", "ip_addresses", "mac", "vendor", "model",
                "zone", "room", "latency_ms", "usual_latency_ms", "owner", "tags", "note", "Asset, number", "Rack"), header);
        assertEquals(3, rows.size(), "a header and exactly the two tagged devices");
        List<String> first = rows.stream().filter(r -> r.get(0).equals("103004")).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://evil\",\"click\")\nsecond line, with comma", first.get(16));
        assertEquals("'+49 30 1234", first.get(14));
        assertEquals("csv-test", first.get(15));
        assertEquals("A-17", first.get(17));
        assertTrue(csv.asString().contains("\r\n"), "CRLF line ends");

        // The same filters as the page: the page says how many, the file has as many rows.
        String page = session.get("/agents/5009?status=ONLINE").asString();
        int online = Integer.parseInt(page.replaceAll("(?s).*<p>(\\d+) of \\d+ devices</p>.*", "$1"));
        assertEquals(online + 1, parse(session.get("/agents/5009/devices.csv?status=ONLINE").asString()).size());
    }

    @Test
    void exportsADevicesHistoryForTheRange() {
        Session session = Session.withSandbox(Role.VIEWER);
        Response csv = session.get("/agents/5009/devices/103001/history.csv?range=24h");
        csv.then().statusCode(200).contentType("text/csv");
        List<List<String>> rows = parse(csv.asString());
        assertEquals(List.of("time_utc", "record", "rtd_min_ms", "rtd_median_ms", "rtd_max_ms", "lost_packets",
                "sent_packets", "event", "old_ip", "new_ip"), rows.get(0));
        long rtd = rows.stream().filter(r -> r.get(1).equals("rtd")).count();
        String page = session.get("/agents/5009/devices/103001?range=24h").asString();
        int samples = Integer.parseInt(page.replaceAll("(?s).*RTD samples \\((\\d+)\\).*", "$1"));
        assertEquals(samples, rtd, "every RTD sample of the range, as on the page");
        List<String> times = rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
        assertEquals(times.stream().sorted().toList(), times, "in time order");
        session.get("/agents/5009/devices/999999/history.csv").then().statusCode(404);
    }

    /** A small RFC 4180 reader, so the test checks the file as a spreadsheet would read it. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
