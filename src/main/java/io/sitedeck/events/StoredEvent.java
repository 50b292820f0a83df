package io.sitedeck.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A webhook event one tenant received (table {@code domotz_event}). */
@Entity
@Table(name = "domotz_event")
public class StoredEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(nullable = false, length = 40)
    public String name;

    @Column(name = "agent_id")
    public Integer agentId;

    @Column(name = "device_id")
    public Integer deviceId;

    @Column(name = "agent_name", length = 300)
    public String agentName;

    @Column(name = "device_name", length = 300)
    public String deviceName;

    /** UP/DOWN, or the DETECTED/RESOLVED status, where the event has one. */
    @Column(length = 40)
    public String state;

    @Column(nullable = false, length = 500)
    public String summary;

    /** A maintenance window covered the site or device when it happened (issue #18). */
    @Column(name = "in_maintenance", nullable = false)
    public boolean inMaintenance;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false, length = 65536)
    public String body;

    @Column(nullable = false, length = 64)
    public String digest;
}
