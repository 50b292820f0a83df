package io.sitedeck.annotations;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The content of an annotation as people edit it: a note, an owner or contact, tags and custom
 * fields. Immutable; {@link #changesTo} is what the history keeps of a save.
 */
@TemplateData
public record Notes(String note, String owner, List<String> tags, List<Field> fields) {

    /** A custom key–value field (warranty end, asset number, rack position…). */
    @TemplateData
    public record Field(String name, String value) {}

    /** One changed field of a save, as the history shows it. */
    public record Change(String field, String before, String after) {}

    public static final Notes EMPTY = new Notes("", "", List.of(), List.of());

    public boolean isEmpty() {
        return note.isEmpty() && owner.isEmpty() && tags.isEmpty() && fields.isEmpty();
    }

    /** The value of a custom field, or null. */
    public String field(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).findFirst().orElse(null);
    }

    /** What the free-text search of a devices table looks at, lower case. */
    public String searchable() {
        StringBuilder text = new StringBuilder(note).append(' ').append(owner);
        fields.forEach(f -> text.append(' ').append(f.name()).append(' ').append(f.value()));
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /** The fields that differ from {@code after}, with both values (tags and fields one by one). */
    public List<Change> changesTo(Notes after) {
        List<Change> changes = new ArrayList<>();
        if (!note.equals(after.note)) {
            changes.add(new Change("note", note, after.note));
        }
        if (!owner.equals(after.owner)) {
            changes.add(new Change("owner", owner, after.owner));
        }
        if (!tags.equals(after.tags)) {
            changes.add(new Change("tags", String.join(" ", tags), String.join(" ", after.tags)));
        }
        Map<String, String> old = byName(fields);
        Map<String, String> now = byName(after.fields);
        old.forEach((name, value) -> {
            if (!Objects.equals(value, now.get(name))) {
                changes.add(new Change(name, value, now.getOrDefault(name, "")));
            }
        });
        now.forEach((name, value) -> {
            if (!old.containsKey(name)) {
                changes.add(new Change(name, "", value));
            }
        });
        return changes;
    }

    private static Map<String, String> byName(List<Field> fields) {
        Map<String, String> map = new LinkedHashMap<>();
        fields.forEach(f -> map.put(f.name(), f.value()));
        return map;
    }
}
