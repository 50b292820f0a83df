package io.sitedeck.fleet;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.Device;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the fleet index: whole device lists of a site (a page's read or the crawler's), pages of
 * sites, and what webhooks say about one device or site, each in its own short transaction. News
 * older than what a row already holds never overwrites it (a list fetched before a webhook's status
 * change does not undo the change).
 */
@ApplicationScoped
public class FleetIndex {

    @Inject
    Clock clock;

    private final FleetSearchIndex search;

    FleetIndex(FleetSearchIndex search) {
        this.search = search;
    }

    /** Replaces the site's devices with the list Domotz sent at {@code asOf}; the site's counts follow. */
    public void devicesRead(String scope, int agentId, Optional<Agent> agent, List<Device> devices,
                            Map<Integer, String> typeNames, Instant asOf, FleetSource source) {
        inSite(scope, agentId, () -> {
            FleetSite site = site(scope, agentId, agent, asOf, source);
            if (site.devicesAsOf != null && site.devicesAsOf.isAfter(asOf)) {
                return;
            }
            Map<Integer, FleetDevice> old = new HashMap<>();
            FleetDevice.<FleetDevice>list("scope = ?1 and agentId = ?2", scope, agentId)
                    .forEach(row -> old.put(row.deviceId, row));
            for (Device device : devices) {
                FleetDevice row = old.remove(device.id());
                if (row == null) {
                    row = new FleetDevice();
                    row.scope = scope;
                    row.agentId = agentId;
                    row.deviceId = device.id();
                    FleetRows.fill(row, device, typeNames, asOf, source);
                    row.persist();
                } else if (!row.asOf.isAfter(asOf)) {
                    FleetRows.fill(row, device, typeNames, asOf, source);
                }
            }
            // Not in the list any more: deleted or hidden in Domotz (remembered for the reports' "removed").
            old.values().forEach(row -> {
                FleetDeviceGone.record(row, asOf);
                row.delete();
            });
            site.devicesAsOf = asOf;
            site.devicesSource = source;
            recount(site);
            touch(site);
        });
    }

    /** Adds or updates sites from a page of Domotz's site list. */
    public void sitesRead(String scope, Collection<Agent> agents, Instant asOf, FleetSource source) {
        QuarkusTransaction.requiringNew().run(() -> agents.forEach(agent -> touch(site(scope, agent.id(), Optional.of(agent), asOf, source))));
    }

    /** Forgets the sites the scope no longer reads (after a whole list of them was read), with their devices. */
    public void sitesGoneExcept(String scope, Set<Integer> agentIds) {
        List<Integer> gone = QuarkusTransaction.requiringNew().call(() -> {
            List<Integer> deleted = new java.util.ArrayList<>();
            for (FleetSite site : FleetSite.<FleetSite>list("scope", scope)) {
                if (!agentIds.contains(site.agentId)) {
                    FleetDevice.delete("scope = ?1 and agentId = ?2", scope, site.agentId);
                    site.delete();
                    deleted.add(site.agentId);
                }
            }
            return deleted;
        });
        gone.forEach(agentId -> search.refreshSite(scope, agentId));
    }

    /** A webhook said the device went UP or DOWN at {@code at}. */
    public void deviceStatus(String scope, int agentId, int deviceId, String status, Instant at, String summary) {
        record Changed(Optional<FleetDevice> row, Optional<FleetSite> site) {}
        Changed changed = QuarkusTransaction.requiringNew().call(() -> {
            Optional<FleetDevice> device = device(scope, agentId, deviceId);
            device.ifPresent(row -> {
                if (row.statusSince == null || !row.statusSince.isAfter(at)) {
                    row.status = status;
                    row.statusSince = at;
                    row.asOf = clock.instant();
                    row.source = FleetSource.WEBHOOK;
                }
            });
            Optional<FleetSite> site = FleetSite.of(scope, agentId);
            site.ifPresent(s -> {
                noteEvent(s, summary, at);
                recount(s);
            });
            return new Changed(device, site);
        });
        // The search results show status too: this device's document follows, not its whole site's.
        if (changed.row().isPresent() && changed.site().isPresent()) {
            search.refreshDevice(changed.row().get(), changed.site().get());
        }
    }

    /** A webhook said the device's addresses changed. */
    public void deviceAddresses(String scope, int agentId, int deviceId, List<String> addresses, Instant at, String summary) {
        inSite(scope, agentId, () -> {
            device(scope, agentId, deviceId).ifPresent(row -> {
                FleetRows.addresses(row, addresses);
                row.asOf = clock.instant();
                row.source = FleetSource.WEBHOOK;
            });
            FleetSite.of(scope, agentId).ifPresent(site -> noteEvent(site, summary, at));
        });
    }

    /**
     * A webhook said a new device appeared: it is in the index at once, under a provisional name
     * (the event carries only its id), until the site's list is read again.
     */
    public void discovered(String scope, int agentId, int deviceId, Instant at, String summary) {
        inSite(scope, agentId, () -> {
            Optional<FleetSite> site = FleetSite.of(scope, agentId);
            if (site.isEmpty()) {
                return;
            }
            if (device(scope, agentId, deviceId).isEmpty()) {
                FleetDevice row = FleetRows.discovered(scope, agentId, deviceId, at, clock.instant());
                row.persist();
            }
            noteEvent(site.get(), summary, at);
            recount(site.get());
        });
    }

    /** A webhook said the site's agent went online or offline. */
    public void agentStatus(String scope, int agentId, String status, Instant at, String summary) {
        QuarkusTransaction.requiringNew().run(() -> FleetSite.of(scope, agentId).ifPresent(site -> {
            if (site.statusSince == null || !site.statusSince.isAfter(at)) {
                site.agentStatus = status;
                site.statusSince = at;
                site.asOf = clock.instant();
                site.source = FleetSource.WEBHOOK;
            }
            noteEvent(site, summary, at);
        }));
    }

    /** Any other event of the site: its tile shows the last one. */
    public void siteEvent(String scope, int agentId, Instant at, String summary) {
        QuarkusTransaction.requiringNew().run(() -> FleetSite.of(scope, agentId).ifPresent(site -> noteEvent(site, summary, at)));
    }

    private FleetSite site(String scope, int agentId, Optional<Agent> agent, Instant asOf, FleetSource source) {
        FleetSite site = FleetSite.of(scope, agentId).orElseGet(() -> {
            FleetSite fresh = new FleetSite();
            fresh.scope = scope;
            fresh.agentId = agentId;
            fresh.name = "Site " + agentId;
            fresh.asOf = asOf;
            fresh.source = source;
            fresh.changedAt = clock.instant();
            fresh.persist();
            return fresh;
        });
        if (agent.isPresent() && !site.asOf.isAfter(asOf)) {
            FleetRows.fill(site, agent.get(), asOf, source);
        }
        return site;
    }

    private static Optional<FleetDevice> device(String scope, int agentId, int deviceId) {
        return FleetDevice.find("scope = ?1 and agentId = ?2 and deviceId = ?3", scope, agentId, deviceId)
                .firstResultOptional();
    }

    private void noteEvent(FleetSite site, String summary, Instant at) {
        if (site.lastEventAt == null || !site.lastEventAt.isAfter(at)) {
            site.lastEvent = FleetRows.clip(summary, 500);
            site.lastEventAt = at;
        }
        touch(site);
    }

    private FleetSite touch(FleetSite site) {
        site.changedAt = clock.instant();
        return site;
    }

    /** A change to a site's devices, in its own transaction; this instance's search index follows once it is committed. */
    private void inSite(String scope, int agentId, Runnable change) {
        QuarkusTransaction.requiringNew().run(change);
        search.refreshSite(scope, agentId);
    }

    private static void recount(FleetSite site) {
        FleetDevice.flush();
        Object[] counts = (Object[]) FleetDevice.getEntityManager().createQuery(
                "select count(d), sum(case when d.status in ('DOWN', 'OFFLINE') then 1 else 0 end),"
                        + " sum(case when d.status in ('DOWN', 'OFFLINE') and d.importance = 'VITAL' then 1 else 0 end)"
                        + " from FleetDevice d where d.scope = ?1 and d.agentId = ?2")
                .setParameter(1, site.scope).setParameter(2, site.agentId).getSingleResult();
        site.devicesTotal = ((Number) counts[0]).intValue();
        site.devicesDown = counts[1] == null ? 0 : ((Number) counts[1]).intValue();
        site.vitalDown = counts[2] == null ? 0 : ((Number) counts[2]).intValue();
    }
}
