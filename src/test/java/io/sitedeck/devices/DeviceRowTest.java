package io.sitedeck.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitedeck.annotations.Notes;
import org.junit.jupiter.api.Test;

/** The text each cell of a site's devices table shows, as the template's expressions used to make it. */
class DeviceRowTest {

    private static DeviceRow row(String mac, String vendor, String model, String type, String importance, String zone,
                                 String room, Double latency, Double baseline) {
        return new DeviceRow(5003, 101008, "Front desk PC", "10.0.0.5", mac, vendor, model, type, importance, "ONLINE",
                "3 h", zone, room, "LAN", latency, baseline, null, null, Notes.EMPTY);
    }

    @Test
    void linksNameTheRowsSiteAndDevice() {
        DeviceRow row = row(null, null, null, null, null, null, null, null, null);
        assertEquals("/agents/5003/devices/101008", row.href());
        assertEquals("device-5003-101008", row.liveTarget());
        assertEquals("/agents/5003?q=tag:printer", row.tagUrl("printer"));
    }

    @Test
    void emptyFieldsShowAsTheTemplateShowedThem() {
        DeviceRow empty = row(null, null, null, null, null, null, null, null, null);
        assertEquals("", empty.macText());
        assertEquals(" ", empty.vendorModel(), "{d.vendor ?: ''} {d.model ?: ''} left the space between");
        assertEquals("—", empty.typeText());
        assertEquals("", empty.importanceText());
        assertEquals("", empty.zoneRoom());
        assertFalse(empty.hasLatency());
        assertEquals("?", empty.baselineText());
    }

    @Test
    void filledFieldsShowAsTheyAre() {
        DeviceRow full = row("00:11:22:33:44:55", "Acme", "X1", "Printer", "VITAL", "Office", "2.14", 3.5, 1.25);
        assertEquals("00:11:22:33:44:55", full.macText());
        assertEquals("Acme X1", full.vendorModel());
        assertEquals("Acme ", row(null, "Acme", null, null, null, null, null, null, null).vendorModel());
        assertEquals("Printer", full.typeText());
        assertEquals("VITAL", full.importanceText());
        assertEquals("Office / 2.14", full.zoneRoom());
        assertEquals("Office", row(null, null, null, null, null, "Office", "", null, null).zoneRoom(), "an empty room adds nothing");
        assertEquals(" / 2.14", row(null, null, null, null, null, null, "2.14", null, null).zoneRoom());
        assertTrue(full.hasLatency());
        assertEquals("1.25", full.baselineText());
    }
}
