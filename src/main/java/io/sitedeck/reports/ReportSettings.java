package io.sitedeck.reports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What a tenant's reports carry (table report_settings): the MSP's name and logo on every report, and the zone its
 * schedules are written in. Without a row, reports carry the tenant's name and schedules use UTC.
 */
@Entity
@Table(name = "report_settings")
public class ReportSettings extends PanacheEntityBase {

    /** A logo is at most this big: it is embedded in every report's PDF. */
    static final int LOGO_MAX_BYTES = 200 * 1024;

    @Id
    @Column(name = "tenant_id")
    public Long tenantId;

    @Column(name = "msp_name", nullable = false, length = 120)
    public String mspName;

    @Column(nullable = false, length = 60)
    public String zone;

    public byte[] logo;

    /** image/png or image/jpeg, checked from the file's bytes when uploaded. */
    @Column(name = "logo_type", length = 20)
    public String logoType;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static Optional<ReportSettings> of(long tenantId) {
        return findByIdOptional(tenantId);
    }

    /** The tenant's zone (report settings), UTC when none is set: schedules, team reports, quiet hours. */
    public static ZoneId zoneOf(long tenantId) {
        return ReportSettings.<ReportSettings>findByIdOptional(tenantId).map(ReportSettings::zoneId).orElse(ZoneId.of("UTC"));
    }

    /** Whether the tenant's reports carry a logo. */
    static boolean hasLogo(long tenantId) {
        return ReportSettings.<ReportSettings>findByIdOptional(tenantId).map(ReportSettings::hasLogo).orElse(false);
    }

    ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    boolean hasLogo() {
        return logo != null && logo.length > 0;
    }
}
