package io.sitedeck.devices;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.DetectedDeviceType;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceKind;
import io.sitedeck.domotz.model.DevicePowerActions;
import io.sitedeck.domotz.model.DeviceStatus;
import io.sitedeck.domotz.model.PowerAction;
import io.sitedeck.web.CsrfToken;
import io.sitedeck.web.DrawnParts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The device page's large parts that show only Domotz's data (web.DrawnParts keeps each drawn once for each
 * distinct content): the history (DeviceHistoryPart), the facts, and a technician's forms and power buttons.
 * Together with the alert-profile table (alerts.ProfilesPanel) and the notes (annotations.NotesPanels) they were
 * about half of a device view's heap. Each view's one-time token for the power forms goes into a slot; the summary
 * is drawn for each view.
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

    /** A technician's power, hide and delete buttons (what Domotz offers now), each disruptive one confirmed. */
    @TemplateData
    record Power(String deviceUrl, String deviceName, String siteName, DeviceStatus status, DevicePowerActions power) {
        /** The power actions that take the device down, each confirmed first. */
        public List<PowerAction> disruptive() {
            List<PowerAction> offered = new ArrayList<>();
            if (power.off()) {
                offered.add(PowerAction.OFF);
            }
            if (power.cycle()) {
                offered.add(PowerAction.CYCLE);
            }
            if (power.softwareReboot()) {
                offered.add(PowerAction.SOFTWARE_REBOOT);
            }
            return offered;
        }

        public boolean down() {
            return status == DeviceStatus.DOWN;
        }

        public boolean online() {
            return status == DeviceStatus.ONLINE;
        }
    }

    /** Where each view's one-time token for the power forms goes (tags/confirm, DeviceParts/power). */
    static final String ONCE_SLOT = "<once>";

    @CheckedTemplate
    static class Templates {
        /** Each reads its part and nothing else; a form's CSRF field is a slot (tags/csrfslot). */
        static native TemplateInstance facts(Facts part);

        static native TemplateInstance forms(Forms part);

        static native TemplateInstance power(Power part);
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

    /** The power buttons, with this view's one-time token ({@code once}) in each form. */
    RawString power(Agent agent, Device device, DevicePowerActions power, String once) {
        var part = new Power("/agents/" + agent.id() + "/devices/" + device.id(), device.name(), agent.displayName(),
                device.status(), power);
        return drawn.of("device-power", part, Templates::power, csrf, new DrawnParts.Slot(ONCE_SLOT, once));
    }

    /** The forms at {@code clientIp} (the remote connection's default allowed address). */
    RawString forms(int agentId, Device device, String clientIp) {
        return drawn.of("device-forms", new Forms("/agents/" + agentId + "/devices/" + device.id(),
                device.kind() == DeviceKind.DUMMY, clientIp), Templates::forms, csrf);
    }
}
