package io.sitedeck.reports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A report e-mailed every month (table report_schedule): on a day of the month at a local time of the tenant's zone,
 * the previous month's report of a site or team, generated with the key of the connection of the member who planned
 * it (that member must still be enabled). {@code nextRunAt} only moves forward, by the instance that claims the run.
 */
@Entity
@Table(name = "report_schedule")
public class ReportSchedule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(nullable = false, length = 10)
    public String kind;

    @Column(nullable = false, length = 300)
    public String subject;

    @Column(nullable = false, length = 300)
    public String title;

    /** Addresses separated by commas. */
    @Column(nullable = false, length = 2000)
    public String recipients;

    @Column(name = "day_of_month", nullable = false)
    public int dayOfMonth;

    /** HH:mm, local time of {@link #zone}. */
    @Column(name = "at_time", nullable = false, length = 5)
    public String atTime;

    @Column(nullable = false, length = 60)
    public String zone;

    @Column(name = "connection_id", nullable = false)
    public Long connectionId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_run_at", nullable = false)
    public Instant nextRunAt;

    @Column(nullable = false)
    public boolean active;

    MonthlyRun run() {
        return new MonthlyRun(dayOfMonth, LocalTime.parse(atTime), ZoneId.of(zone));
    }

    List<String> recipientList() {
        return Arrays.stream(recipients.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Optional<ReportSchedule> inTenant(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    static List<ReportSchedule> ofTenant(long tenantId) {
        return list("tenantId = ?1 order by active desc, title, id", tenantId);
    }
}
