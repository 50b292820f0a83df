package io.sitedeck.availability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A site's business hours for the report's second figure (table site_business_hours), or the tenant's for every site
 * without its own ({@link #TENANT_WIDE}); none: one figure.
 */
@Entity
@Table(name = "site_business_hours")
public class SiteBusinessHours extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "agent_id", nullable = false)
    public int agentId;

    /** Comma-separated days of the week, e.g. MONDAY,TUESDAY. */
    @Column(name = "week_days", nullable = false, length = 70)
    public String weekDays;

    @Column(nullable = false, length = 5)
    public String opens;

    @Column(nullable = false, length = 5)
    public String closes;

    public BusinessHours hours() {
        return new BusinessHours(Arrays.stream(weekDays.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet()),
                LocalTime.parse(opens), LocalTime.parse(closes));
    }

    /** The agent id of a tenant's own business hours, which apply to every site without hours of its own. */
    public static final int TENANT_WIDE = 0;

    /** The hours a site's report counts: its own, else the tenant's, else none. */
    public static Optional<SiteBusinessHours> applying(long tenantId, int agentId) {
        return of(tenantId, agentId).or(() -> of(tenantId, TENANT_WIDE));
    }

    public boolean tenantWide() {
        return agentId == TENANT_WIDE;
    }

    public static Optional<SiteBusinessHours> of(long tenantId, int agentId) {
        return find("tenantId = ?1 and agentId = ?2", tenantId, agentId).firstResultOptional();
    }
}
