package io.sitedeck.annotations;

import io.quarkus.qute.TemplateData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads and saves annotations, always within the signed-in member's tenant. A save names the
 * version it started from; if someone saved in between, nothing is overwritten and the caller
 * gets both versions. The audit log names the fields changed, never their text.
 */
@ApplicationScoped
public class Annotations {

    @Inject
    Clock clock;

    /** A saved annotation as a page shows it. */
    @TemplateData
    public record Current(Notes notes, int version, Instant updatedAt, String updatedBy) {
        static final Current NONE = new Current(Notes.EMPTY, -1, null, null);
    }

    /** What a notes panel shows: the saved annotation and its history, from one read of it. */
    public record Shown(Current current, List<HistoryEntry> history) {}

    /** A change in the history, newest first. */
    public record HistoryEntry(int version, Instant at, String by, List<Notes.Change> changes) {}

    /** What a save did. */
    public sealed interface Outcome {
        record Saved(Current current) implements Outcome {}

        /** Someone else saved first: theirs is stored, yours was not. */
        record Conflict(Current theirs) implements Outcome {}
    }

    private static final TypeReference<List<List<String>>> PAIRS = new TypeReference<>() {};
    private static final TypeReference<List<Notes.Change>> CHANGES = new TypeReference<>() {};

    private final CurrentUser user;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final TenantTags tenantTags;

    Annotations(CurrentUser user, ObjectMapper json, AuditLog audit, TenantTags tenantTags) {
        this.user = user;
        this.json = json;
        this.audit = audit;
        this.tenantTags = tenantTags;
    }

    public Current of(int agentId, int deviceId) {
        return Annotation.of(user.tenantId(), agentId, deviceId).map(this::current).orElse(Current.NONE);
    }

    /** A tenant's notes on a site or device, outside a request too (a scheduled report); none: empty notes. */
    @jakarta.transaction.Transactional
    public Notes notesOf(long tenantId, int agentId, int deviceId) {
        return Annotation.of(tenantId, agentId, deviceId).map(this::notes).orElse(Notes.EMPTY);
    }

    /** The annotations of a site's devices, by device id. */
    public Map<Integer, Notes> ofDevices(int agentId) {
        return Annotation.devicesOf(user.tenantId(), agentId).stream()
                .collect(Collectors.toMap(a -> a.deviceId, this::notes));
    }

    /** Every device annotation of the tenant. */
    public List<Annotation> allDeviceAnnotations() {
        return Annotation.devicesOf(user.tenantId());
    }

    public Notes notes(Annotation annotation) {
        try {
            List<Notes.Field> fields = json.readValue(annotation.customFields, PAIRS).stream()
                    .map(pair -> new Notes.Field(pair.get(0), pair.get(1))).toList();
            return new Notes(annotation.note, annotation.owner, annotation.tagList(), fields);
        } catch (JsonProcessingException | IndexOutOfBoundsException unreadable) {
            throw new IllegalStateException("annotation " + annotation.id + " has unreadable fields", unreadable);
        }
    }

    /** The tenant's tags in use, for autocompletion. */
    public List<String> tenantTags() {
        return tenantTags.of(user.tenantId());
    }

    public Shown shown(int agentId, int deviceId) {
        return Annotation.of(user.tenantId(), agentId, deviceId)
                .map(a -> new Shown(current(a), AnnotationChange.of(a).stream().map(this::entry).toList()))
                .orElse(new Shown(Current.NONE, List.of()));
    }

    /**
     * Saves {@code notes} if the stored version is still {@code baseVersion} (-1: there was none).
     * A race lost at commit time (another save between the check and the write) is a conflict too.
     */
    public Outcome save(int agentId, int deviceId, Notes notes, int baseVersion) {
        try {
            Outcome outcome = write(agentId, deviceId, notes, baseVersion);
            tenantTags.changed(user.tenantId()); // after the commit, so nobody reads the old tags back in
            return outcome;
        } catch (PersistenceException lostRace) {
            return new Outcome.Conflict(of(agentId, deviceId));
        }
    }

    @Transactional
    Outcome write(int agentId, int deviceId, Notes notes, int baseVersion) {
        Optional<Annotation> stored = Annotation.of(user.tenantId(), agentId, deviceId);
        int storedVersion = stored.map(a -> a.version).orElse(-1);
        if (storedVersion != baseVersion) {
            return new Outcome.Conflict(stored.map(this::current).orElse(Current.NONE));
        }
        Annotation annotation = stored.orElseGet(() -> {
            Annotation fresh = new Annotation();
            fresh.tenantId = user.tenantId();
            fresh.agentId = agentId;
            fresh.deviceId = deviceId;
            return fresh;
        });
        Notes before = stored.map(this::notes).orElse(Notes.EMPTY);
        List<Notes.Change> changes = before.changesTo(notes);
        if (changes.isEmpty()) {
            return new Outcome.Saved(stored.map(this::current).orElse(Current.NONE));
        }
        annotation.note = notes.note();
        annotation.owner = notes.owner();
        annotation.tags = String.join(" ", notes.tags());
        annotation.customFields = write(notes.fields().stream().map(f -> List.of(f.name(), f.value())).toList());
        annotation.updatedAt = clock.instant();
        annotation.updatedBy = user.email();
        annotation.persistAndFlush();

        AnnotationChange change = new AnnotationChange();
        change.annotationId = annotation.id;
        change.version = annotation.version;
        change.changedAt = annotation.updatedAt;
        change.changedBy = user.email();
        change.diff = write(changes);
        change.persist();
        // Names of the changed fields only: annotation text stays out of the audit log and the logs.
        audit.record(user.tenantId(), user.email(), "annotation.edit", target(agentId, deviceId),
                "ok: changed " + changes.stream().map(Notes.Change::field).distinct().collect(Collectors.joining(", ")));
        return new Outcome.Saved(current(annotation));
    }

    /** Deletes one annotation of this tenant (an orphan nobody needs); false when there is none. */
    @Transactional
    public boolean delete(long id) {
        Optional<Annotation> annotation = Annotation.<Annotation>find("id = ?1 and tenantId = ?2", id, user.tenantId())
                .firstResultOptional();
        annotation.ifPresent(a -> {
            AnnotationChange.delete("annotationId", a.id);
            a.delete();
            audit.record(user.tenantId(), user.email(), "annotation.delete", target(a.agentId, a.deviceId), "ok");
            tenantTags.changed(user.tenantId());
        });
        return annotation.isPresent();
    }

    private Current current(Annotation annotation) {
        return new Current(notes(annotation), annotation.version, annotation.updatedAt, annotation.updatedBy);
    }

    private HistoryEntry entry(AnnotationChange change) {
        try {
            return new HistoryEntry(change.version, change.changedAt, change.changedBy, json.readValue(change.diff, CHANGES));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("annotation change " + change.id + " is unreadable", unreadable);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String target(int agentId, int deviceId) {
        return deviceId == Annotation.SITE ? "agent " + agentId : "agent " + agentId + " device " + deviceId;
    }
}
