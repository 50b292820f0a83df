package io.sitedeck.annotations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A person's starred site ({@code deviceId} 0) or device; a bookmark opens the page by its URL. */
@Entity
@Table(name = "bookmark")
public class Bookmark extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "agent_id", nullable = false)
    public int agentId;

    @Column(name = "device_id", nullable = false)
    public int deviceId;

    /** The name the page had when it was starred (Domotz's name may change; the status is read live). */
    @Column(nullable = false)
    public String label;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static List<Bookmark> of(long tenantId, long userId) {
        return list("tenantId = ?1 and userId = ?2 order by label", tenantId, userId);
    }

    static Optional<Bookmark> of(long tenantId, long userId, int agentId, int deviceId) {
        return find("tenantId = ?1 and userId = ?2 and agentId = ?3 and deviceId = ?4", tenantId, userId, agentId,
                deviceId).firstResultOptional();
    }

    public String url() {
        return deviceId == Annotation.SITE ? "/agents/" + agentId : "/agents/" + agentId + "/devices/" + deviceId;
    }

    public boolean site() {
        return deviceId == Annotation.SITE;
    }
}
