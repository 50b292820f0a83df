package io.sitedeck.annotations;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The notes panel of a site or device page: what is stored, its history, and the edit form —
 * with the values as sent and a message per field after a refused save, or both versions after
 * a conflict ({@code theirs} is then what is stored, {@code shown} what this person sent).
 */
@TemplateData
public record NotesPanel(String url, Annotations.Current current, List<Annotations.HistoryEntry> history,
                         List<String> tenantTags, boolean editable, Notes shown, int formVersion,
                         Map<String, String> problems, Annotations.Current theirs, boolean saved) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int BLANK_FIELD_ROWS = 2;

    public boolean conflict() {
        return theirs != null;
    }

    /** The edit form opens by itself when it has something to say. */
    public boolean formOpen() {
        return conflict() || !problems.isEmpty();
    }

    public String problem(String field) {
        return problems.get(field);
    }

    public String html(Notes notes) {
        return SafeText.html(notes.note());
    }

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant) + " UTC";
    }

    public String tagsText() {
        return String.join(", ", shown.tags());
    }

    /** The custom fields in the form, and a couple of empty rows to add new ones. */
    public List<Notes.Field> fieldRows() {
        List<Notes.Field> rows = new ArrayList<>(shown.fields());
        for (int i = 0; i < BLANK_FIELD_ROWS; i++) {
            rows.add(new Notes.Field("", ""));
        }
        return rows;
    }

    /** One of eight chip colours, always the same for the same tag. */
    public static String tagClass(String tag) {
        return "tag tag-c" + Math.floorMod(tag.hashCode(), 8);
    }

    public String chip(String tag) {
        return tagClass(tag);
    }
}
