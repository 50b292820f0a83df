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
import java.util.Optional;

/**
 * A generated report of a tenant (table stored_report): its content as JSON (the page renders it again as it was)
 * and its PDF (downloaded again, or attached to a scheduled e-mail). Opening it costs no Domotz call.
 */
@Entity
@Table(name = "stored_report")
public class StoredReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    /** {@link ReportContent#SITE} or {@link ReportContent#TEAM}. */
    @Column(nullable = false, length = 10)
    public String kind;

    /** The site's agent id, or the team's name. */
    @Column(nullable = false, length = 300)
    public String subject;

    @Column(nullable = false, length = 300)
    public String title;

    /** 2026-11; the column is not "month", a word H2 reserves. */
    @Column(name = "report_month", nullable = false, length = 7)
    public String month;

    @Column(name = "generated_at", nullable = false)
    public Instant generatedAt;

    @Column(name = "generated_by", nullable = false)
    public String generatedBy;

    @Column(name = "domotz_calls", nullable = false)
    public int domotzCalls;

    @Column(nullable = false)
    public byte[] content;

    @Column(nullable = false)
    public byte[] pdf;

    static Optional<StoredReport> inTenant(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** A subject's reports for a month, newest first. */
    static List<StoredReport> ofSubject(long tenantId, String kind, String subject, String month) {
        return list("tenantId = ?1 and kind = ?2 and subject = ?3 and month = ?4 order by generatedAt desc, id desc",
                tenantId, kind, subject, month);
    }

    /** The newest of a subject's reports for a month. */
    static Optional<StoredReport> latest(long tenantId, String kind, String subject, String month) {
        return ofSubject(tenantId, kind, subject, month).stream().findFirst();
    }

    /** A stored report as the list shows it: without its content and PDF. */
    record Listed(long id, String kind, String title, String month, Instant generatedAt, String generatedBy, int calls) {
        String url() {
            return "/reports/stored/" + id;
        }
    }

    /** The tenant's reports, newest first, without their content and PDFs (the list would read megabytes). */
    static List<Listed> ofTenant(long tenantId, int limit) {
        return getEntityManager().createQuery("select new io.sitedeck.reports.StoredReport$Listed(r.id, r.kind, r.title,"
                        + " r.month, r.generatedAt, r.generatedBy, r.domotzCalls) from StoredReport r where r.tenantId = ?1"
                        + " order by r.generatedAt desc, r.id desc", Listed.class)
                .setParameter(1, tenantId).setMaxResults(limit).getResultList();
    }

    String url() {
        return "/reports/stored/" + id;
    }
}
