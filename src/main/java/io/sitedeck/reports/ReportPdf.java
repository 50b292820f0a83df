package io.sitedeck.reports;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** A report as a PDF (OpenPDF; no browser on the server): the same content as the page, the MSP's logo on top. */
final class ReportPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font SUBHEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    private ReportPdf() {
    }

    /** {@code logo}: PNG or JPEG bytes (checked when uploaded), or null. */
    static byte[] render(ReportContent report, byte[] logo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle("Availability " + report.month() + " · " + report.title());
        document.addCreator("Sitedeck");
        document.open();
        if (logo != null) {
            document.add(logo(logo));
        }
        document.add(new Paragraph(report.msp(), BOLD));
        document.add(new Paragraph(report.title() + ": availability in " + report.month(), TITLE));
        document.add(new Paragraph("Availability " + report.availability()
                + (report.business() == null ? "" : " · in business hours " + report.business())
                + ". Generated " + report.generatedAt() + " by " + report.generatedBy() + ".", TEXT));
        document.add(new Paragraph("Availability = up / (up + down) of the vital devices: planned maintenance is not"
                + " downtime, and time a site could not be seen is unknown, never down.", TEXT));
        if (!report.unreadable().isEmpty()) {
            document.add(new Paragraph("Left out (the key may list but not read them): "
                    + String.join(", ", report.unreadable()) + ".", TEXT));
        }
        for (ReportContent.Section site : report.sites()) {
            section(document, site, report.team());
        }
        document.close();
        return out.toByteArray();
    }

    private static void section(Document document, ReportContent.Section site, boolean team) {
        Font heading = team ? HEADING : SUBHEADING;
        if (team) {
            document.add(new Paragraph(site.name() + ": " + site.availability()
                    + (site.business() == null ? "" : " (business hours " + site.business() + ")"), HEADING));
        }
        document.add(new Paragraph("Times in " + site.zone() + "."
                + (site.hasBusinessHours() ? " Business hours: " + site.businessHours() + "." : ""), TEXT));
        document.add(new Paragraph("Vital devices", heading));
        boolean business = site.hasBusinessHours();
        PdfPTable devices = business
                ? table(List.of("Device", "Availability", "Business hours", "Up", "Down", "Maintenance", "Unknown",
                        "Incidents"), new float[] {4, 2, 2, 1.3f, 1.3f, 1.6f, 1.4f, 1.2f})
                : table(List.of("Device", "Availability", "Up", "Down", "Maintenance", "Unknown", "Incidents"),
                        new float[] {4, 2, 1.3f, 1.3f, 1.6f, 1.4f, 1.2f});
        for (ReportContent.Line l : site.lines()) {
            if (business) {
                row(devices, l.name(), l.availability(), l.business(), l.up(), l.down(), l.maintenance(), l.unknown(),
                        String.valueOf(l.incidents()));
            } else {
                row(devices, l.name(), l.availability(), l.up(), l.down(), l.maintenance(), l.unknown(),
                        String.valueOf(l.incidents()));
            }
        }
        addOr(document, devices, site.lines().isEmpty(), "This site has no vital device.");
        document.add(new Paragraph("Incidents (down for more than 5 minutes)", heading));
        PdfPTable incidents = table(List.of("Device", "Began", "Lasted", "Acknowledged"), new float[] {3, 2, 2, 4});
        site.incidents().forEach(i -> row(incidents, i.device(), i.start(), i.duration(), i.note()));
        addOr(document, incidents, site.incidents().isEmpty(), "No incident.");
        document.add(new Paragraph("Round-trip delay of the vital devices", heading));
        PdfPTable rtd = table(List.of("Device", "Median", "95th percentile", "Samples"), new float[] {4, 2, 2, 1.5f});
        site.rtd().forEach(r -> row(rtd, r.device(), r.median(), r.p95(), String.valueOf(r.samples())));
        addOr(document, rtd, site.rtd().isEmpty(), "No vital device.");
        ReportContent.Speed speed = site.speed();
        document.add(new Paragraph("Internet speed", heading));
        document.add(new Paragraph(speed.tests() == 0 ? "No speed test ran this month." : speed.tests()
                + " tests: median download " + speed.medianDown() + ", upload " + speed.medianUp()
                + "; lowest download " + speed.lowestDown() + ".", TEXT));
        document.add(new Paragraph("Devices added", heading));
        document.add(new Paragraph(site.added().isEmpty() ? "None." : String.join(", ", site.added()), TEXT));
        document.add(new Paragraph("Devices removed", heading));
        document.add(new Paragraph(site.removed().isEmpty() ? "None seen." : String.join(", ", site.removed()), TEXT));
        if (!site.owner().isBlank() || !site.contacts().isEmpty()) {
            document.add(new Paragraph("Contacts", heading));
            if (!site.owner().isBlank()) {
                document.add(new Paragraph("Owner: " + site.owner(), TEXT));
            }
            site.contacts().forEach(c -> document.add(new Paragraph(c.label() + ": " + c.value(), TEXT)));
        }
    }

    /** Whether OpenPDF can place these bytes as an image (checked when a logo is uploaded, not when a report is due). */
    static boolean placeable(byte[] bytes) {
        try {
            logo(bytes);
            return true;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static Image logo(byte[] bytes) {
        try {
            Image image = Image.getInstance(bytes);
            image.scaleToFit(160, 48);
            return image;
        } catch (IOException unreadable) {
            throw new IllegalStateException("the stored logo is unreadable", unreadable);
        }
    }

    private static void addOr(Document document, PdfPTable table, boolean empty, String none) {
        document.add(empty ? new Paragraph(none, TEXT) : table);
    }

    private static PdfPTable table(List<String> headings, float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(10);
        table.setHeaderRows(1);
        headings.forEach(h -> table.addCell(new PdfPCell(new Phrase(h, BOLD))));
        return table;
    }

    private static void row(PdfPTable table, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(cells[i], TEXT));
            if (i > 0) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(cell);
        }
    }
}
