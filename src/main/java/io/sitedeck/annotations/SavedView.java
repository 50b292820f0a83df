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

/** A named console URL (a filtered devices table, a time range), private or shared with the tenant. */
@Entity
@Table(name = "saved_view")
public class SavedView extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public boolean shared;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The member's own views and the tenant's shared ones. */
    static List<SavedView> visibleTo(long tenantId, long userId) {
        return list("tenantId = ?1 and (userId = ?2 or shared = true) order by name", tenantId, userId);
    }

    static Optional<SavedView> visibleTo(long tenantId, long userId, long id) {
        return find("id = ?1 and tenantId = ?2 and (userId = ?3 or shared = true)", id, tenantId, userId)
                .firstResultOptional();
    }
}
