package io.sitedeck.alerts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.web.CsrfToken;
import io.sitedeck.web.DrawnParts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The table of alert profiles with their bind/unbind buttons (device page, site alerts, the panel a click swaps
 * in), drawn once for each distinct content by web.DrawnParts: it was a ninth of a device view's heap, and it
 * changes only with the team's profiles, what is bound, and whether the reader may change it.
 */
@ApplicationScoped
public class ProfilesPanel {

    /** All the table shows; {@code technician}: the reader may bind and unbind (else "bound" is text). */
    @TemplateData
    record Part(List<ProfilesView.Line> lines, boolean technician) {}

    @CheckedTemplate
    static class Templates {
        /** Reads its part and nothing else; each form's CSRF field is a slot (tags/csrfslot). */
        static native TemplateInstance bindings(Part part);
    }

    private final Bindings bindings;
    private final DrawnParts drawn;
    private final CurrentUser user;
    private final CsrfToken csrf;

    ProfilesPanel(Bindings bindings, DrawnParts drawn, CurrentUser user, CsrfToken csrf) {
        this.bindings = bindings;
        this.drawn = drawn;
        this.user = user;
        this.csrf = csrf;
    }

    /** The table of {@code profiles} as this reader sees it. */
    public RawString of(ProfilesView profiles) {
        return drawn.of("alert-bindings", new Part(profiles.lines(), user.technician()), Templates::bindings, csrf);
    }

    /** The table of a device's profiles (Bindings.ofDevice). */
    public RawString ofDevice(DomotzTarget target, int agentId, int deviceId) {
        return of(bindings.ofDevice(target, agentId, deviceId));
    }
}
