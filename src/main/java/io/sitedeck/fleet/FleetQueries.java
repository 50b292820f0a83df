package io.sitedeck.fleet;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** What the NOC page and the fleet lists read from the index: one scope's rows, no Domotz call. */
@ApplicationScoped
public class FleetQueries {

    /** How complete and how old a scope's index is: "312 of 315 sites; oldest 3 h ago". */
    public record Completeness(long sites, long indexed, Instant oldest) {}

    /** The scope's sites, trouble first (agent offline, vital down, anything down), then by name. */
    public List<FleetSite> sites(String scope) {
        return FleetSite.<FleetSite>list("scope", scope).stream()
                .sorted(Comparator.comparingInt(FleetSite::troubleRank).thenComparing(s -> s.name.toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    /** The scope's last change to any site or device (null when it has none): what cached views are checked against. */
    public Instant version(String scope) {
        return FleetSite.getEntityManager().createQuery("select max(s.changedAt) from FleetSite s where s.scope = ?1", Instant.class)
                .setParameter(1, scope).getSingleResult();
    }

    /** How many vital devices the index holds for a site (what a report's price is estimated from); empty when its devices were never read. */
    public java.util.OptionalLong vitalDevices(String scope, int agentId) {
        boolean indexed = FleetSite.count("scope = ?1 and agentId = ?2 and devicesAsOf is not null", scope, agentId) > 0;
        return indexed ? java.util.OptionalLong.of(FleetDevice.count("scope = ?1 and agentId = ?2 and importance = 'VITAL'",
                scope, agentId)) : java.util.OptionalLong.empty();
    }

    /** The sites of a team in the scope, by id. */
    public List<FleetSite> sitesOfTeam(String scope, String team) {
        return FleetSite.list("scope = ?1 and team = ?2 order by agentId", scope, team);
    }

    /** The teams of the scope's sites, by name. */
    public List<String> teams(String scope) {
        return FleetSite.getEntityManager().createQuery("select distinct s.team from FleetSite s where s.scope = ?1"
                + " and s.team is not null order by s.team", String.class).setParameter(1, scope).getResultList();
    }

    /** How the NOC page lists devices down: vital first, then the longest down, then by name. */
    static final Comparator<DownDevice> DOWN_ORDER = Comparator.comparing((DownDevice d) -> !d.vital())
            .thenComparing(DownDevice::statusSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DownDevice::name);

    /**
     * The scope's first {@code limit} DOWN or OFFLINE devices: vital first, then the longest down.
     * <p>
     * Sorted here rather than by the database: a large fleet can have tens of thousands of devices
     * down at once, and H2 sorts a result of more rows than it keeps in memory (a few thousand on a
     * small heap) in a temporary file. The columns read are all in {@code ix_fleet_device_down}, so
     * no device's whole row is read.
     */
    public List<DownDevice> downNow(String scope, int limit) {
        return FleetDevice.getEntityManager().createQuery("select new io.sitedeck.fleet.DownDevice(d.agentId, d.deviceId,"
                        + " d.name, d.importance, d.status, d.statusSince, d.source) from FleetDevice d"
                        + " where d.scope = ?1 and d.status in ('DOWN', 'OFFLINE')", DownDevice.class)
                .setParameter(1, scope).getResultStream().sorted(DOWN_ORDER).limit(limit).toList();
    }

    /** Devices first seen since {@code since}, newest first. */
    public List<FleetDevice> newSince(String scope, Instant since, int limit) {
        return FleetDevice.<FleetDevice>find("scope = ?1 and firstSeen >= ?2 order by firstSeen desc, name", scope, since)
                .page(0, limit).list();
    }

    /** Devices Domotz could not recognise: neither a type nor a detected type. */
    public List<FleetDevice> unrecognised(String scope, int limit) {
        return FleetDevice.<FleetDevice>find("scope = ?1 and typeId is null and detectedTypeId is null"
                + " order by agentId, name", scope).page(0, limit).list();
    }

    /** Devices with no name of their own (only their address) but an address. */
    public List<FleetDevice> unnamed(String scope, int limit) {
        return FleetDevice.<FleetDevice>find("scope = ?1 and named = false and primaryIp is not null"
                + " order by agentId, primaryIp", scope).page(0, limit).list();
    }
}
