package io.sitedeck.availability;

import io.sitedeck.domotz.model.Agent;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A site's time zone, as its agent reports it; one Domotz does not give or Java does not know is UTC. */
public final class SiteZone {

    private SiteZone() {
    }

    public static ZoneId of(Agent agent) {
        try {
            return agent.timezone() == null || agent.timezone().isBlank() ? ZoneOffset.UTC : ZoneId.of(agent.timezone());
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
