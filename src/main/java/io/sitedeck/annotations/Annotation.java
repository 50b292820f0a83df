package io.sitedeck.annotations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a tenant's team knows about one site ({@code deviceId} 0) or device: a note, tags, an
 * owner and custom fields. Keyed by Domotz ids, not linked to Domotz: it outlives a deleted
 * device and reattaches when a device with the same id comes back. Never sent upstream.
 */
@Entity
@Table(name = "annotation")
public class Annotation extends PanacheEntityBase {

    /** The device id that stands for the site itself. */
    public static final int SITE = 0;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "agent_id", nullable = false)
    public int agentId;

    @Column(name = "device_id", nullable = false)
    public int deviceId;

    @Column(nullable = false)
    public String note = "";

    @Column(nullable = false)
    public String owner = "";

    /** Normalised tags separated by single spaces. */
    @Column(nullable = false)
    public String tags = "";

    /** JSON list of [name, value] pairs, in the order the team gave them. */
    @Column(name = "custom_fields", nullable = false)
    public String customFields = "[]";

    /** Optimistic lock: a save names the version it started from. */
    @Version
    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    static Optional<Annotation> of(long tenantId, int agentId, int deviceId) {
        return find("tenantId = ?1 and agentId = ?2 and deviceId = ?3", tenantId, agentId, deviceId)
                .firstResultOptional();
    }

    /** The device annotations of one site. */
    static List<Annotation> devicesOf(long tenantId, int agentId) {
        return list("tenantId = ?1 and agentId = ?2 and deviceId <> 0", tenantId, agentId);
    }

    /** Every device annotation of the tenant, by site. */
    static List<Annotation> devicesOf(long tenantId) {
        return list("tenantId = ?1 and deviceId <> 0 order by agentId, deviceId", tenantId);
    }

    List<String> tagList() {
        return tags.isEmpty() ? List.of() : List.of(tags.split(" "));
    }
}
