package io.sitedeck.shared;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * CSV as RFC 4180 writes it (CRLF, fields quoted when they hold a comma, quote or line break)
 * and safe to open in a spreadsheet: a cell starting with {@code = + - @}, a tab or a carriage
 * return gets a leading apostrophe, so it is read as text and never as a formula.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder();

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    public Csv row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    static String cell(Object value) {
        String cell = value == null ? "" : value.toString();
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** The file as a download named {@code filename} (ASCII letters, digits, dots and dashes only). */
    public Response download(String filename) {
        return Response.ok(text.toString()).type("text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9.-]", "-") + "\"")
                .header("Cache-Control", "no-store").build();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
