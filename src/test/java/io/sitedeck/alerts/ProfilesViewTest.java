package io.sitedeck.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitedeck.domotz.model.AlertProfile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each line of the alert-profiles table carries what its cells show, as the template's expressions made it. */
class ProfilesViewTest {

    @Test
    void eachLineSaysWhatItsCellsShow() {
        ProfilesView view = new ProfilesView(List.of(
                new AlertProfile(7, "Latency watch", null, null, true, List.of("device_status_down", "rtd_high")),
                new AlertProfile(8, null, null, null, null, null),
                new AlertProfile(9, "", null, null, false, List.of())),
                Set.of(7), "agents/5003/devices/101008", "/agents/5003/devices/101008");
        List<ProfilesView.Line> lines = view.lines();
        assertEquals(new ProfilesView.Line("Latency watch", false, List.of("device_status_down", "rtd_high"),
                "/alerts/profiles/7/agents/5003/devices/101008", true, "/agents/5003/devices/101008"), lines.get(0));
        assertEquals(new ProfilesView.Line("8", true, List.of(), "/alerts/profiles/8/agents/5003/devices/101008",
                false, "/agents/5003/devices/101008"), lines.get(1), "no name: its id; enabled unknown: disabled");
        assertEquals("", lines.get(2).label(), "an empty name stays empty, as {p.name ?: p.id} showed it");
        assertEquals(true, lines.get(2).disabled());
    }
}
