package io.sitedeck.reports;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What a generated report says, as text ready to show: the page and the PDF render the same content, and it is stored
 * (as JSON) so a report can be opened and downloaded again later exactly as it was, at no Domotz cost. A site report
 * has one section; a team report one per site of the team, with the team's figure on top, and names the sites the
 * key may list but not read ({@code unreadable}: a plan without API access), which it leaves out.
 * {@code @TemplateData} on each record: the report-section tag takes a section untyped, and must not use reflection.
 */
@TemplateData
public record ReportContent(String kind, String subject, String title, String msp, String month, String zone,
                            String availability, String business, String generatedAt, String generatedBy, int domotzCalls,
                            List<Section> sites, List<String> unreadable) {

    public static final String SITE = "SITE";
    public static final String TEAM = "TEAM";

    public boolean team() {
        return TEAM.equals(kind);
    }

    /** One site: its figure, its vital devices, incidents, RTD and speed summaries, changes and contacts. */
    @TemplateData
    public record Section(int agentId, String name, String zone, String availability, String business,
                          String businessHours, List<Line> lines, List<IncidentLine> incidents, List<RtdLine> rtd,
                          Speed speed, List<String> added, List<String> removed, String owner, List<Contact> contacts) {
        public boolean hasBusinessHours() {
            return businessHours != null;
        }
    }

    /** A vital device's figures; {@code business} null without business hours. */
    @TemplateData
    public record Line(String name, String url, String availability, String business, String up, String down,
                       String maintenance, String unknown, int incidents) {
    }

    @TemplateData
    public record IncidentLine(String device, String start, String duration, String note) {
    }

    /** Round-trip delay of a vital device over the month: median and 95th percentile of its samples' medians. */
    @TemplateData
    public record RtdLine(String device, String median, String p95, int samples) {
    }

    /** The site's Internet speed tests over the month; {@code tests} 0: none ran. */
    @TemplateData
    public record Speed(int tests, String medianDown, String medianUp, String lowestDown) {
    }

    /** A custom field of the site's team note (a phone number, a contact). */
    @TemplateData
    public record Contact(String label, String value) {
    }
}
