package io.sitedeck.devices;

import io.quarkus.qute.TemplateData;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceBaseType;
import java.util.List;

/**
 * One editable field of a device as its in-place form shows it: the value Domotz has (or the
 * value just sent, when it was refused), the choices for type and importance, and what the last
 * save said. The device page lists seven; a save answers with just the one.
 */
@TemplateData
public record FieldEditor(String url, String key, String label, String value, List<Choice> choices, boolean saved,
                          String error) {

    /** An option of a choosing field: the value sent and the label shown. */
    @TemplateData
    public record Choice(String value, String label) {}

    static final List<String> KEYS = List.of("name", "vendor", "model", "type", "importance", "zone", "room");
    private static final List<Choice> IMPORTANCE = List.of(new Choice("VITAL", "VITAL"),
            new Choice("FLOATING", "FLOATING"));

    /** The seven editors of a device page. */
    static List<FieldEditor> all(int agentId, Device device, List<DeviceBaseType> types) {
        return KEYS.stream().map(key -> of(key, agentId, device, types)).toList();
    }

    /** The editor of one field with the value Domotz has now. */
    static FieldEditor of(String key, int agentId, Device device, List<DeviceBaseType> types) {
        String url = "/agents/" + agentId + "/devices/" + device.id() + "/fields/" + key;
        var data = device.userData();
        var details = device.details();
        return switch (key) {
            case "name" -> text(url, key, "Name", data == null ? null : data.name());
            case "vendor" -> text(url, key, "Vendor", data == null ? null : data.vendor());
            case "model" -> text(url, key, "Model", data == null ? null : data.model());
            case "type" -> new FieldEditor(url, key, "Type", typeOf(device),
                    types.stream().map(t -> new Choice(String.valueOf(t.id()), t.label())).toList(), false, null);
            case "importance" -> new FieldEditor(url, key, "Importance",
                    device.importance() == null ? null : device.importance().name(), IMPORTANCE, false, null);
            case "zone" -> text(url, key, "Zone", details == null ? null : details.zone());
            case "room" -> text(url, key, "Room", details == null ? null : details.room());
            default -> throw new IllegalArgumentException("not an editable field: " + key);
        };
    }

    /** The same field after Domotz took {@code sent}. */
    FieldEditor savedAs(String sent) {
        return new FieldEditor(url, key, label, sent, choices, true, null);
    }

    /** The same field, with {@code shown} in the input and why the save did not happen. */
    FieldEditor refused(String shown, String why) {
        return new FieldEditor(url, key, label, shown, choices, false, why);
    }

    public boolean choosing() {
        return choices != null;
    }

    public boolean isChosen(Choice choice) {
        return choice.value().equals(value);
    }

    private static FieldEditor text(String url, String key, String label, String value) {
        return new FieldEditor(url, key, label, value, null, false, null);
    }

    /** The type a person chose, else the one Domotz detected; as the id the form sends. */
    private static String typeOf(Device device) {
        if (device.userData() != null && device.userData().type() != null) {
            return String.valueOf(device.userData().type());
        }
        return device.type() == null || device.type().id() == null ? null : String.valueOf(device.type().id());
    }
}
