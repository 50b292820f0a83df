package io.sitedeck.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The devices table's columns (issue 17) as pure logic: read leniently, the URL before the member's choice. */
class DeviceColumnsTest {

    @Test
    void noChoiceIsEveryColumnAndNoneIsTheNameAlone() {
        assertEquals(DeviceColumns.ALL, DeviceColumns.parse(null));
        assertEquals(DeviceColumns.ALL, DeviceColumns.parse(" "));
        assertEquals("", DeviceColumns.ALL.hiddenClasses());
        DeviceColumns none = DeviceColumns.parse("none");
        assertEquals("hide-ip hide-mac hide-vendor hide-type hide-importance hide-status hide-zone hide-latency",
                none.hiddenClasses());
        assertEquals("none", none.csv());
        assertEquals("none", DeviceColumns.of(List.of()).csv(), "no box ticked is the name alone, not 'all'");
    }

    @Test
    void unknownIdsAreDroppedAndTheOrderIsTheTablesOwn() {
        DeviceColumns chosen = DeviceColumns.parse("Latency, ip,<b>,ip");
        assertEquals("ip,latency", chosen.csv());
        assertTrue(chosen.has("ip") && chosen.has("latency"));
        assertFalse(chosen.has("mac"));
        assertEquals("hide-mac hide-vendor hide-type hide-importance hide-status hide-zone", chosen.hiddenClasses());
        assertFalse(DeviceColumns.allKnown(List.of("ip", "password")));
        assertTrue(DeviceColumns.allKnown(List.of("IP", " status")));
        assertEquals(List.of(true, false), chosen.choices().stream().filter(c -> List.of("ip", "mac").contains(c.id()))
                .map(DeviceColumns.Column::shown).toList());
    }

    @Test
    void theUrlsColumnsComeBeforeTheMembersAndLinksKeepThem() {
        DeviceQuery named = DeviceQuery.parse(Map.of("cols", "status", "sort", "ip"));
        assertEquals("status", named.columns("ip,mac").csv(), "a saved view keeps its own columns");
        assertTrue(named.sortUrl("name").endsWith("&cols=status"), named.sortUrl("name"));
        assertFalse(named.pageUrlWithoutColumns().contains("cols="));
        DeviceQuery plain = DeviceQuery.parse(Map.of());
        assertEquals("ip,mac", plain.columns("ip,mac").csv(), "else the member's choice");
        assertFalse(plain.pageUrl(1).contains("cols="), "links name no columns the URL did not");
        assertTrue(plain.pageUrlWith(plain.columns("mac")).endsWith("&cols=mac"), "what 'Save this view' saves");
    }
}
