package io.sitedeck.annotations;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.web.CsrfToken;
import io.sitedeck.web.DrawnParts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * Builds the notes panel of a site or device for the signed-in member (all reads local, no Domotz call), and draws
 * it ({@code inject:notesPanels.drawn}, from tags/notes): web.DrawnParts keeps each distinct panel drawn, as the
 * panel is a record of everything it shows.
 */
@ApplicationScoped
@Named("notesPanels")
public class NotesPanels {

    @CheckedTemplate
    static class Templates {
        /** Reads its panel and nothing else; the form's CSRF field is a slot (tags/csrfslot). */
        static native TemplateInstance panel(NotesPanel it);
    }

    private final Annotations annotations;
    private final CurrentUser user;
    private final DrawnParts drawn;
    private final CsrfToken csrf;

    NotesPanels(Annotations annotations, CurrentUser user, DrawnParts drawn, CsrfToken csrf) {
        this.annotations = annotations;
        this.user = user;
        this.drawn = drawn;
        this.csrf = csrf;
    }

    /** The panel as this reader gets it. */
    public RawString drawn(NotesPanel panel) {
        return drawn.of("notes", panel, Templates::panel, csrf);
    }

    public NotesPanel of(int agentId, int deviceId) {
        Annotations.Shown shown = annotations.shown(agentId, deviceId);
        Annotations.Current current = shown.current();
        // The tenant's tags feed the edit form's autocompletion: only people who may edit need them.
        List<String> tags = user.technician() ? annotations.tenantTags() : List.of();
        return new NotesPanel(url(agentId, deviceId), current, shown.history(),
                tags, user.technician(), current.notes(), current.version(), Map.of(), null, false);
    }

    /** After a save: what is stored now. */
    NotesPanel saved(int agentId, int deviceId) {
        NotesPanel panel = of(agentId, deviceId);
        return new NotesPanel(panel.url(), panel.current(), panel.history(), panel.tenantTags(), panel.editable(),
                panel.shown(), panel.formVersion(), Map.of(), null, true);
    }

    /** A refused save: the form keeps what was sent, with the messages. */
    NotesPanel refused(int agentId, int deviceId, NotesForm form, int sentVersion) {
        NotesPanel panel = of(agentId, deviceId);
        return new NotesPanel(panel.url(), panel.current(), panel.history(), panel.tenantTags(), panel.editable(),
                form.notes(), sentVersion, form.problems(), null, false);
    }

    /**
     * Someone saved first: the form keeps this person's text and now carries the stored version,
     * so saving again (after merging) deliberately replaces theirs.
     */
    NotesPanel conflict(int agentId, int deviceId, Notes mine, Annotations.Current theirs) {
        NotesPanel panel = of(agentId, deviceId);
        return new NotesPanel(panel.url(), panel.current(), panel.history(), panel.tenantTags(), panel.editable(),
                mine, theirs.version(), Map.of(), theirs, false);
    }

    static String url(int agentId, int deviceId) {
        return deviceId == Annotation.SITE ? "/agents/" + agentId + "/notes"
                : "/agents/" + agentId + "/devices/" + deviceId + "/notes";
    }
}
