package io.sitedeck.alerts;

import io.quarkus.qute.TemplateData;
import io.sitedeck.domotz.model.AlertProfile;
import java.util.List;
import java.util.Set;

/** Alert profiles with whether each is bound to the thing a page shows (a site or a device). */
@TemplateData
public record ProfilesView(List<AlertProfile> profiles, Set<Integer> bound, String bindUrl, String back) {

    /**
     * One profile's line of the table, with everything its cells show: in a loop, a name from outside it (this
     * view's {@code bindUrl} or {@code back}) is first looked for on the loop's element through every value
     * resolver (devices.DeviceRow says more).
     *
     * @param action where the bind or unbind form posts
     * @param bound  whether the profile is bound now (the form then unbinds)
     */
    public record Line(String label, boolean disabled, List<String> events, String action, boolean bound,
                       String back) {}

    public List<Line> lines() {
        return profiles.stream().map(p -> new Line(p.name() == null ? String.valueOf(p.id()) : p.name(),
                !Boolean.TRUE.equals(p.isEnabled()), p.events() == null ? List.of() : p.events(),
                "/alerts/profiles/" + p.id() + "/" + bindUrl, bound.contains(p.id()), back)).toList();
    }
}
