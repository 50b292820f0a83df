package io.sitedeck.alerts;

import io.sitedeck.domotz.model.AlertProfile;
import java.util.List;

/**
 * Where each alert profile of the Domotz user is bound, over the sites that were checked: the
 * first {@code checked} of {@code total} (each site costs two reads, three when devices have
 * profiles, so a large account is not read whole for one page).
 */
public record AlertsOverview(List<ProfileUse> uses, List<Site> sites, List<Site> unreadable, int checked,
                             int total) {

    /** A site as the overview names it; {@code why} says why it could not be read. */
    public record Site(int id, String name, String why) {}

    /** A device with a profile bound, named as the site's device list names it. */
    public record BoundDevice(Site site, int deviceId, String name) {}

    /** One profile and where it is bound. */
    public record ProfileUse(AlertProfile profile, List<Site> sites, List<BoundDevice> devices) {

        /** The readable sites it is not bound to yet, for the "bind to a site" list. */
        public List<Site> unboundOf(List<Site> all) {
            return all.stream().filter(s -> sites.stream().noneMatch(b -> b.id() == s.id())).toList();
        }
    }

    public boolean capped() {
        return checked < total;
    }
}
