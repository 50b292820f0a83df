package io.sitedeck.devices;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.domotz.model.DetectedDeviceType;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceKind;
import io.sitedeck.web.CsrfToken;
import io.sitedeck.web.DrawnParts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The device page's large parts that show only Domotz's data (web.DrawnParts keeps each drawn once for each
 * distinct content): the history (DeviceHistoryPart), the facts, and a technician's forms. Together with the
 * alert-profile table (alerts.ProfilesPanel) and the notes (annotations.NotesPanels) they were about half of a
 * device view's heap. The summary and the power buttons (a one-time token in each form) are drawn for each view.
 */
@ApplicationScoped
class DeviceParts {

    /** What Domotz knows about the device, laid out by kind. */
    @TemplateData
    record Facts(int agentId, Device device, String typeLabel, DetectedDeviceType detected) {
        /** A secret shown only as set or not. */
        public String masked(String secret) {
            return secret == null || secret.isEmpty() ? "—" : "set (••••)";
        }
    }

    /** A technician's edit, credentials/SNMP and remote-connection forms. */
    @TemplateData
    record Forms(String deviceUrl, boolean dummy, String clientIp) {}

    @CheckedTemplate
    static class Templates {
        /** Each reads its part and nothing else; a form's CSRF field is a slot (tags/csrfslot). */
        static native TemplateInstance facts(Facts part);

        static native TemplateInstance forms(Forms part);
    }

    private final DrawnParts drawn;
    private final CsrfToken csrf;

    DeviceParts(DrawnParts drawn, CsrfToken csrf) {
        this.drawn = drawn;
        this.csrf = csrf;
    }

    RawString history(DeviceHistoryPart part) {
        return drawn.of("device-history", part, DeviceHistoryPart.Templates::history, csrf);
    }

    RawString facts(int agentId, Device device, String typeLabel, DetectedDeviceType detected) {
        return drawn.of("device-facts", new Facts(agentId, device, typeLabel, detected), Templates::facts);
    }

    /** The forms at {@code clientIp} (the remote connection's default allowed address). */
    RawString forms(int agentId, Device device, String clientIp) {
        return drawn.of("device-forms", new Forms("/agents/" + agentId + "/devices/" + device.id(),
                device.kind() == DeviceKind.DUMMY, clientIp), Templates::forms, csrf);
    }
}
