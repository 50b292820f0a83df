package io.sitedeck.preferences;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/** One member's settings of the console; no row means the defaults. */
@Entity
@Table(name = "member_preference")
public class MemberPreference extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public Long userId;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(nullable = false, length = 16)
    public String density;

    /** The devices tables' columns, comma-separated ids (devices.DeviceColumns); null: all. */
    @Column(name = "device_columns", length = 200)
    public String deviceColumns;

    /** Notices the member dismissed, comma-separated ids. */
    @Column(name = "dismissed_notices", length = 400)
    public String dismissedNotices;

    /** The member's row, only within their own tenant. */
    static Optional<MemberPreference> of(long tenantId, long userId) {
        return find("userId = ?1 and tenantId = ?2", userId, tenantId).firstResultOptional();
    }
}
