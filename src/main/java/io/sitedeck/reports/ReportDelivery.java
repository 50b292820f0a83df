package io.sitedeck.reports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One sending of a schedule's report for one due time (table report_delivery; unique per schedule and due time, so
 * two instances cannot both create it): pending until sent, retried with backoff, failed after the last attempt.
 * Once generated, its report is kept ({@code storedReportId}) so a retry sends the same PDF and spends no more calls.
 */
@Entity
@Table(name = "report_delivery")
public class ReportDelivery extends PanacheEntityBase {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "schedule_id", nullable = false)
    public Long scheduleId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** 2026-11; the column is not "month", a word H2 reserves. */
    @Column(name = "report_month", nullable = false, length = 7)
    public String month;

    @Column(nullable = false, length = 2000)
    public String recipients;

    @Column(nullable = false, length = 10)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** What went wrong last, in Sitedeck's words (never a server's raw answer). */
    @Column(name = "last_error", length = 300)
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "stored_report_id")
    public Long storedReportId;

    static List<ReportDelivery> ofTenant(long tenantId, int limit) {
        return find("tenantId = ?1 order by dueAt desc, id desc", tenantId).page(0, limit).list();
    }
}
