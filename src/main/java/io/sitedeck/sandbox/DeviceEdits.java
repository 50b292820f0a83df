package io.sitedeck.sandbox;

import java.util.Set;

/** The seven fields editDevice may change, with the checks a cell applies to each value. */
final class DeviceEdits {

    static final Set<String> FIELDS = Set.of("user_data/name", "user_data/vendor", "user_data/model", "user_data/type",
            "importance", "details/zone", "details/room");
    private static final int MAX_LENGTH = 255;

    private DeviceEdits() {
    }

    static void apply(SandboxDevice device, String field, String value) {
        switch (field) {
            case "user_data/name" -> device.userName = text(field, value);
            case "user_data/vendor" -> device.userVendor = text(field, value);
            case "user_data/model" -> device.userModel = text(field, value);
            case "user_data/type" -> device.userType = baseType(value);
            case "importance" -> device.importance = SandboxBodies.oneOf(value, "importance", Set.of("VITAL", "FLOATING"));
            case "details/zone" -> device.zone = text(field, value);
            case "details/room" -> device.room = text(field, value);
            default -> throw SandboxError.badRequest("'" + field + "' is not an editable field; use one of "
                    + FIELDS.stream().sorted().toList());
        }
    }

    /** Blank clears the field. */
    private static String text(String field, String value) {
        String trimmed = value.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw SandboxError.badRequest(field + " must be at most " + MAX_LENGTH + " characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static Integer baseType(String value) {
        int id = SandboxInput.id(value, "user_data/type");
        return SandboxCatalogue.baseType(id).map(SandboxCatalogue.BaseType::id)
                .orElseThrow(() -> SandboxError.badRequest("user_data/type " + id + " is not a known base type"));
    }
}
