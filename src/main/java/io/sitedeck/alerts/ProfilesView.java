package io.sitedeck.alerts;

import io.quarkus.qute.TemplateData;
import io.sitedeck.domotz.model.AlertProfile;
import java.util.List;
import java.util.Set;

/** Alert profiles with whether each is bound to the thing a page shows (a site or a device). */
@TemplateData
public record ProfilesView(List<AlertProfile> profiles, Set<Integer> bound, String bindUrl, String back) {

    public boolean isBound(AlertProfile profile) {
        return bound.contains(profile.id());
    }
}
