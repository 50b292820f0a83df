package io.sitedeck.reports;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.availability.WeekDay;
import io.sitedeck.shared.BadInput;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The report pages' templates and what they show: a stored report, or its price before it is generated. */
final class ReportPages {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private ReportPages() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportPage page);

        static native TemplateInstance index(ReportsResource.Index index);

        static native TemplateInstance settings(ReportSettingsResource.SettingsView view);
    }

    /** What the "send every month" form plans (technicians and admins), or null for others. */
    public record Plan(String kind, String subject) {
    }

    /** Another stored version of the same report. */
    public record Version(String url, String generatedAt, String by, boolean shown) {
    }

    /**
     * A report page: {@code content} null until generated (then {@code estimate} says the price), {@code refusal} why
     * generating was refused; {@code hoursAction} the business-hours form (a site's page, for technicians) or null.
     */
    public record ReportPage(String heading, String crumbName, String crumbUrl, String month, String previous,
                             String next, ReportContent content, String pdfUrl, List<Version> versions,
                             ReportCost.Estimate estimate, String generateAction, String refusal, String hoursAction,
                             String hoursText, boolean logo, Plan plan) {
        public List<WeekDay> weekDays() {
            return WeekDay.ALL;
        }
    }

    static YearMonth month(String text, YearMonth fallback, YearMonth current) {
        YearMonth month;
        if (text == null || text.isBlank()) {
            month = fallback;
        } else {
            try {
                month = YearMonth.parse(text.strip());
            } catch (DateTimeParseException unreadable) {
                throw new BadInput("The month is written like 2026-11.");
            }
        }
        if (month.isAfter(current)) {
            throw new BadInput("That month has not begun yet.");
        }
        return month;
    }

    static List<Version> versions(List<StoredReport> all, StoredReport shown, ZoneId zone) {
        return all.stream().map(r -> new Version(r.url(), STAMP.format(r.generatedAt.atZone(zone)), r.generatedBy,
                shown != null && r.id.equals(shown.id))).toList();
    }

    /** A team's report page; spaces as %20 (a "+" in a query is not a space to every reader). */
    static String teamUrl(String team) {
        return "/reports/team?name=" + URLEncoder.encode(team, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Response pdf(StoredReport report) {
        String name = "availability-" + report.subject.replaceAll("[^A-Za-z0-9-]", "_") + "-" + report.month + ".pdf";
        return Response.ok(report.pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
