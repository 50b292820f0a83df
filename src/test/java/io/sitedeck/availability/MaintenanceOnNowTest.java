package io.sitedeck.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which sites and devices the NOC page marks "in maintenance" (issue #18), from the windows on now. */
class MaintenanceOnNowTest {

    private static MaintenanceWindow window(int agentId, MaintenanceWindow.Covers covers, String devices, String tag) {
        MaintenanceWindow w = new MaintenanceWindow();
        w.agentId = agentId;
        w.covers = covers;
        w.deviceIds = devices;
        w.tag = tag;
        return w;
    }

    @Test
    void siteWindowsMarkTheTileAndEveryDeviceOthersOnlyTheirDevices() {
        MaintenanceWindows.OnNow on = new MaintenanceWindows.OnNow(List.of(
                window(5000, MaintenanceWindow.Covers.SITE, null, null),
                window(5003, MaintenanceWindow.Covers.DEVICES, "101001,101002", null),
                window(5006, MaintenanceWindow.Covers.TAG, null, "printers")));
        AtomicInteger asked = new AtomicInteger();
        assertTrue(on.site(5000));
        assertFalse(on.site(5003), "a devices window is not the site's");
        assertTrue(on.device(5000, 100007, () -> List.of()));
        assertTrue(on.device(5003, 101002, () -> { asked.incrementAndGet(); return List.of(); }));
        assertFalse(on.device(5003, 101003, () -> { asked.incrementAndGet(); return List.of(); }));
        assertEquals(0, asked.get(), "tags are looked up only where a tag window is on");
        assertTrue(on.device(5006, 102004, () -> { asked.incrementAndGet(); return List.of("printers"); }));
        assertFalse(on.device(5006, 102005, () -> { asked.incrementAndGet(); return List.of("cameras"); }));
        assertEquals(2, asked.get());
        assertFalse(on.device(5009, 103000, () -> List.of("printers")), "no window on that site");
    }
}
