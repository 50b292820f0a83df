package io.sitedeck.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One site (agent) of the fleet index, under the Domotz scope that reads it, with its device counts. */
@Entity
@Table(name = "fleet_site")
public class FleetSite extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String scope;

    @Column(name = "agent_id", nullable = false)
    public int agentId;

    @Column(nullable = false)
    public String name;

    public String team;

    @Column(name = "agent_status")
    public String agentStatus;

    @Column(name = "status_since")
    public Instant statusSince;

    public String timezone;

    @Column(name = "devices_total", nullable = false)
    public int devicesTotal;

    @Column(name = "devices_down", nullable = false)
    public int devicesDown;

    @Column(name = "vital_down", nullable = false)
    public int vitalDown;

    @Column(name = "last_event")
    public String lastEvent;

    @Column(name = "last_event_at")
    public Instant lastEventAt;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FleetSource source;

    /** When its device list was last read (null: never, so its counts are not known). */
    @Column(name = "devices_as_of")
    public Instant devicesAsOf;

    @Enumerated(EnumType.STRING)
    @Column(name = "devices_source")
    public FleetSource devicesSource;

    /** Any write to the site or its devices (what other instances' search indexes pick up). */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "crawl_claimed_by")
    public String crawlClaimedBy;

    @Column(name = "crawl_claimed_until")
    public Instant crawlClaimedUntil;

    static Optional<FleetSite> of(String scope, int agentId) {
        return find("scope = ?1 and agentId = ?2", scope, agentId).firstResultOptional();
    }

    /** The agent is offline: the worst trouble a site can be in. */
    public boolean offline() {
        return "OFFLINE".equals(agentStatus);
    }

    public boolean devicesKnown() {
        return devicesAsOf != null;
    }

    /** Trouble first: agent offline, a vital device down, anything down; then none. Lower is worse. */
    int troubleRank() {
        return offline() ? 0 : vitalDown > 0 ? 1 : devicesDown > 0 ? 2 : 3;
    }
}
