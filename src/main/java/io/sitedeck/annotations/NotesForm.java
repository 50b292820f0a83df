package io.sitedeck.annotations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the notes form: what was sent, normalised, and a message per field that is not right
 * (the form comes back with the values as sent and the message next to the field).
 */
public record NotesForm(Notes notes, Map<String, String> problems) {

    static final int NOTE_MAX = 20_000;
    static final int OWNER_MAX = 200;
    static final int TAGS_MAX = 20;
    static final int FIELDS_MAX = 30;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}._-]{1,40}");

    public static NotesForm read(String note, String owner, String tags, List<String> names, List<String> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanNote = note == null ? "" : note.replace("\r\n", "\n").strip();
        if (cleanNote.length() > NOTE_MAX) {
            problems.put("note", "At most " + NOTE_MAX + " characters.");
        }
        String cleanOwner = owner == null ? "" : owner.strip();
        if (cleanOwner.length() > OWNER_MAX) {
            problems.put("owner", "At most " + OWNER_MAX + " characters.");
        }
        List<String> tagList = tags(tags, problems);
        List<Notes.Field> fields = fields(names, values, problems);
        return new NotesForm(new Notes(cleanNote, cleanOwner, tagList, fields), problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Tags are words: lower case, a leading # dropped, separated by commas or spaces. */
    static List<String> tags(String text, Map<String, String> problems) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        if (text != null) {
            for (String raw : text.split("[,\\s]+")) {
                String tag = raw.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
                if (tag.isEmpty()) {
                    continue;
                }
                if (!TAG.matcher(tag).matches()) {
                    problems.put("tags", "Tags are single words of letters, digits, “.”, “_” or “-”, up to 40 characters: “"
                            + raw.strip() + "” is not.");
                } else {
                    tags.add(tag);
                }
            }
        }
        if (tags.size() > TAGS_MAX) {
            problems.put("tags", "At most " + TAGS_MAX + " tags.");
        }
        return List.copyOf(tags);
    }

    private static List<Notes.Field> fields(List<String> names, List<String> values, Map<String, String> problems) {
        List<Notes.Field> fields = new ArrayList<>();
        int rows = Math.max(names == null ? 0 : names.size(), values == null ? 0 : values.size());
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < rows; i++) {
            String name = at(names, i);
            String value = at(values, i);
            if (name.isEmpty() && value.isEmpty()) {
                continue;
            }
            if (name.isEmpty()) {
                problems.put("fields", "Every value needs a field name (“" + value + "”).");
            } else if (name.length() > 60 || value.length() > 500) {
                problems.put("fields", "Field names are at most 60 characters, values at most 500.");
            } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                problems.put("fields", "“" + name + "” is there twice.");
            } else {
                fields.add(new Notes.Field(name, value));
            }
        }
        if (fields.size() > FIELDS_MAX) {
            problems.put("fields", "At most " + FIELDS_MAX + " fields.");
        }
        return List.copyOf(fields);
    }

    private static String at(List<String> list, int index) {
        return list == null || index >= list.size() || list.get(index) == null ? "" : list.get(index).strip();
    }
}
