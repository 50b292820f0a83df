package io.sitedeck.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitedeck.account.Tenant;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.domotz.DomotzTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * Generates reports and stores them (issue #18): the content as JSON and the PDF, audited as
 * {@code report.generate}. Used by the pages and by the scheduled e-mails alike.
 */
@ApplicationScoped
public class Reports {

    @Inject
    Clock clock;

    private final ReportBuilder builder;
    private final ObjectMapper json;
    private final AuditLog audit;

    Reports(ReportBuilder builder, ObjectMapper json, AuditLog audit) {
        this.builder = builder;
        this.json = json;
        this.audit = audit;
    }

    /** What a report of the tenant is generated with: the MSP's name (else the tenant's) and zone (else UTC). */
    public ReportBuilder.Request request(long tenantId, String by, DomotzTarget target) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReportSettings settings = ReportSettings.<ReportSettings>findByIdOptional(tenantId).orElse(null);
            String msp = settings != null ? settings.mspName : Tenant.<Tenant>findById(tenantId).name;
            ZoneId zone = settings != null ? settings.zoneId() : ZoneId.of("UTC");
            return new ReportBuilder.Request(tenantId, by, target, msp, zone);
        });
    }

    /** A site's report (one agent) or a team's (its sites), generated now and stored. */
    public StoredReport generate(ReportBuilder.Request request, String kind, String subject, List<Integer> agentIds,
                                 YearMonth month) {
        ReportContent content = ReportContent.TEAM.equals(kind) ? builder.team(request, subject, agentIds, month)
                : builder.site(request, agentIds.get(0), month);
        StoredReport stored = QuarkusTransaction.requiringNew().call(() -> {
            byte[] logo = ReportSettings.<ReportSettings>findByIdOptional(request.tenantId()).filter(ReportSettings::hasLogo)
                    .map(s -> s.logo).orElse(null);
            StoredReport report = new StoredReport();
            report.tenantId = request.tenantId();
            report.kind = kind;
            report.subject = subject;
            report.title = content.title();
            report.month = month.toString();
            report.generatedAt = clock.instant();
            report.generatedBy = request.by();
            report.domotzCalls = content.domotzCalls();
            report.content = write(content);
            report.pdf = ReportPdf.render(content, logo);
            report.persist();
            return report;
        });
        audit.record(request.tenantId(), request.by(), "report.generate", kind.toLowerCase(java.util.Locale.ROOT) + " "
                + subject + " " + month, "ok: report " + stored.id);
        return stored;
    }

    public ReportContent content(StoredReport report) {
        try {
            return json.readValue(report.content, ReportContent.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("stored report " + report.id + " is unreadable", unreadable);
        }
    }

    private byte[] write(ReportContent content) {
        try {
            return json.writeValueAsBytes(content);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
