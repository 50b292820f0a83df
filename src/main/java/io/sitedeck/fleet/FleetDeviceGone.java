package io.sitedeck.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A device that left its site's device list (deleted, or hidden, in Domotz) as the index saw it: the API has no
 * event for a removal, so this is the only record of one, kept for "devices removed" in availability reports.
 */
@Entity
@Table(name = "fleet_device_gone")
public class FleetDeviceGone extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String scope;

    @Column(name = "agent_id", nullable = false)
    public int agentId;

    @Column(name = "device_id", nullable = false)
    public int deviceId;

    @Column(nullable = false)
    public String name;

    @Column(name = "gone_at", nullable = false)
    public Instant goneAt;

    static void record(FleetDevice row, Instant seenGoneAt) {
        FleetDeviceGone gone = new FleetDeviceGone();
        gone.scope = row.scope;
        gone.agentId = row.agentId;
        gone.deviceId = row.deviceId;
        gone.name = row.name == null ? "Device " + row.deviceId : row.name;
        gone.goneAt = seenGoneAt;
        gone.persist();
    }

    /** The devices the index saw leave the site in [from, to), oldest first. */
    public static List<FleetDeviceGone> between(String scope, int agentId, Instant from, Instant to) {
        return list("scope = ?1 and agentId = ?2 and goneAt >= ?3 and goneAt < ?4 order by goneAt", scope, agentId,
                from, to);
    }
}
