package io.sitedeck.availability;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** The site report as a PDF (OpenPDF; no browser on the server): the same figures and incidents as the page. */
final class ReportPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    private ReportPdf() {
    }

    static byte[] render(SiteReportResource.ReportView view) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle("Availability " + view.month() + " · " + view.agent().displayName());
        document.addCreator("Sitedeck");
        document.open();
        document.add(new Paragraph(view.agent().displayName() + ": availability in " + view.month(), TITLE));
        document.add(new Paragraph("Times in " + view.zone() + ". Availability = up / (up + down): planned maintenance is"
                + " not downtime, and time the site could not be seen is unknown, never down.", TEXT));
        boolean business = view.businessHours() != null;
        if (business) {
            document.add(new Paragraph("Business hours: " + view.businessHours(), TEXT));
        }
        document.add(new Paragraph("Vital devices", HEADING));
        PdfPTable devices = business
                ? table(List.of("Device", "Availability", "Business hours", "Up", "Down", "Maintenance", "Unknown",
                        "Incidents"), new float[] {4, 2, 2, 1.3f, 1.3f, 1.6f, 1.4f, 1.2f})
                : table(List.of("Device", "Availability", "Up", "Down", "Maintenance", "Unknown", "Incidents"),
                        new float[] {4, 2, 1.3f, 1.3f, 1.6f, 1.4f, 1.2f});
        for (SiteReportResource.Line l : view.lines()) {
            if (business) {
                row(devices, l.name(), l.availability(), l.business(), l.up(), l.down(), l.maintenance(), l.unknown(),
                        String.valueOf(l.incidents()));
            } else {
                row(devices, l.name(), l.availability(), l.up(), l.down(), l.maintenance(), l.unknown(),
                        String.valueOf(l.incidents()));
            }
        }
        document.add(devices);
        document.add(new Paragraph("Incidents (down for more than 5 minutes)", HEADING));
        PdfPTable incidents = table(List.of("Device", "Began", "Lasted", "Acknowledged"), new float[] {3, 2, 2, 4});
        for (SiteReportResource.IncidentLine i : view.incidents()) {
            row(incidents, i.device(), i.start(), i.duration(), i.note());
        }
        if (view.incidents().isEmpty()) {
            document.add(new Paragraph("No incident.", TEXT));
        } else {
            document.add(incidents);
        }
        document.close();
        return out.toByteArray();
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
