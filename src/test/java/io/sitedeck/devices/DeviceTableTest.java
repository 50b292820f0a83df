package io.sitedeck.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitedeck.annotations.Notes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A site's devices table as pure logic: the URL read leniently, search, filters, sort and pages (issue #14). */
class DeviceTableTest {

    private static DeviceRow row(int id, String name, String ip, String status, Double latency, Notes notes) {
        return new DeviceRow(5000, id, name, ip, null, "Acme", null, "Printer", "FLOATING", status, "", "Office", null,
                "LAN", latency, null, null, null, notes);
    }

    private static final List<DeviceRow> ROWS = List.of(
            row(1, "printer-b", "10.0.0.10", "ONLINE", 3.0, Notes.EMPTY),
            row(2, "Printer-A", "10.0.0.9", "DOWN", null, new Notes("toner low, ask Anna", "", List.of("printer"), List.of())),
            row(3, "switch", "10.0.0.2, 192.168.1.2", "ONLINE", 1.0, Notes.EMPTY),
            row(4, "camera", "", "ONLINE", 9.0, Notes.EMPTY));

    private static DeviceQuery query(String... pairs) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return DeviceQuery.parse(params);
    }

    private static List<Integer> ids(List<DeviceRow> rows) {
        return rows.stream().map(DeviceRow::id).toList();
    }

    @Test
    void readsTheUrlLenientlyAndBuildsSortAndPageLinks() {
        DeviceQuery odd = query("sort", "password", "size", "7", "page", "-3", "q", "  ");
        assertEquals("name", odd.sort());
        assertEquals(50, odd.size());
        assertEquals(0, odd.page());
        assertEquals(null, odd.q());
        DeviceQuery byIp = query("sort", "ip", "status", "ONLINE", "size", "25");
        assertEquals("?status=ONLINE&sort=ip&dir=desc&size=25&page=0", byIp.sortUrl("ip"), "the same column flips");
        assertEquals("?status=ONLINE&sort=name&size=25&page=0", byIp.sortUrl("name"));
        assertEquals("?status=ONLINE&sort=ip&size=25&page=2", byIp.pageUrl(2));
    }

    @Test
    void searchesFieldsNotesAndTagsAndFilters() {
        assertEquals(List.of(2, 1), ids(DeviceTable.matching(ROWS, query("q", "printer"))));
        assertEquals(List.of(2), ids(DeviceTable.matching(ROWS, query("q", "tag:printer anna"))));
        assertEquals(List.of(2), ids(DeviceTable.matching(ROWS, query("q", "tag:#printer"))));
        assertEquals(List.of(3), ids(DeviceTable.matching(ROWS, query("q", "192.168"))));
        assertEquals(List.of(2), ids(DeviceTable.matching(ROWS, query("status", "down"))));
    }

    @Test
    void sortsIpsByNumberAndMissingValuesLast() {
        assertEquals(List.of(3, 2, 1, 4), ids(DeviceTable.matching(ROWS, query("sort", "ip"))));
        assertEquals(List.of(3, 1, 4, 2), ids(DeviceTable.matching(ROWS, query("sort", "latency"))));
        assertEquals(List.of(4, 2, 1, 3), ids(DeviceTable.matching(ROWS, query("sort", "name"))), "case-insensitive");
        assertEquals(List.of(3, 1, 2, 4), ids(DeviceTable.matching(ROWS, query("sort", "name", "dir", "desc"))));
    }

    @Test
    void pagesCountWhatMatched() {
        List<DeviceRow> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(row(i, "device-" + (100 + i), "10.0.1." + i, "ONLINE", null, Notes.EMPTY));
        }
        DeviceTable.Page second = DeviceTable.apply(many, query("size", "25", "page", "2"));
        assertEquals(60, second.matched());
        assertEquals(3, second.pages());
        assertEquals(10, second.rows().size());
        assertEquals(60, second.all().size());
        DeviceTable.Page beyond = DeviceTable.apply(many, query("size", "25", "page", "9"));
        assertTrue(beyond.rows().isEmpty());
        assertFalse(DeviceTable.apply(List.of(), query()).pages() < 1, "an empty table still has one page");
    }
}
