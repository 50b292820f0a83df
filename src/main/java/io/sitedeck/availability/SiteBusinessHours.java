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

/** A site's business hours for the report's second figure (table site_business_hours); none: one figure. */
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

    static Optional<SiteBusinessHours> of(long tenantId, int agentId) {
        return find("tenantId = ?1 and agentId = ?2", tenantId, agentId).firstResultOptional();
    }
}
