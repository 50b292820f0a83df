package io.sitedeck.domotz.model;

/** The seven fields editDevice can change; the path keeps its literal slash. */
public enum EditableField {
    USER_DATA_NAME("user_data/name"),
    USER_DATA_VENDOR("user_data/vendor"),
    USER_DATA_MODEL("user_data/model"),
    USER_DATA_TYPE("user_data/type"),
    IMPORTANCE("importance"),
    DETAILS_ZONE("details/zone"),
    DETAILS_ROOM("details/room");

    private final String path;

    EditableField(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
