package io.sitedeck.availability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** Someone acknowledged a DOWN device (issue #18): who, a short note, until it recovers or until a time. */
@Entity
@Table(name = "device_acknowledgement")
public class DeviceAcknowledgement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "agent_id", nullable = false)
    public int agentId;

    @Column(name = "device_id", nullable = false)
    public int deviceId;

    @Column(nullable = false, length = 200)
    public String note;

    @Column(name = "made_by", nullable = false, length = 254)
    public String madeBy;

    @Column(name = "made_at", nullable = false)
    public Instant madeAt;

    /** Null: until the device recovers. */
    @Column(name = "until_at")
    public Instant untilAt;

    /**
     * Whether it still holds for a device DOWN since {@code downSince} (null: the device is not down): "until it
     * recovers" holds while the down period it was made in lasts; "until a time" until then, while the device is down.
     */
    public boolean holds(Instant downSince, Instant now) {
        if (downSince == null) {
            return false;
        }
        return untilAt == null ? !madeAt.isBefore(downSince) : now.isBefore(untilAt);
    }

    public Availability.Acknowledgement asRule() {
        return new Availability.Acknowledgement(madeAt, untilAt, madeBy, note);
    }

    static List<DeviceAcknowledgement> ofDevice(long tenantId, int agentId, int deviceId) {
        return list("tenantId = ?1 and agentId = ?2 and deviceId = ?3 order by madeAt desc", tenantId, agentId, deviceId);
    }

    /** The tenant's acknowledgements that may still hold: made in the last 90 days, not past their time. */
    static List<DeviceAcknowledgement> current(long tenantId, Instant now) {
        return list("tenantId = ?1 and madeAt > ?2 and (untilAt is null or untilAt > ?3)", tenantId,
                now.minus(java.time.Duration.ofDays(90)), now);
    }
}
