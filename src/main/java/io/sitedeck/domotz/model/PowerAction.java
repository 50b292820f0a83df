package io.sitedeck.domotz.model;

/** The {@code field} of powerActionOnDevice. */
public enum PowerAction {
    ON("on", "Power on"),
    OFF("off", "Power off"),
    SOFTWARE_REBOOT("software-reboot", "Reboot"),
    CYCLE("cycle", "Power cycle");

    private final String path;
    private final String label;

    PowerAction(String path, String label) {
        this.path = path;
        this.label = label;
    }

    /** What a button for it says. */
    public String label() {
        return label;
    }

    /** The path segment the API expects. */
    public String path() {
        return path;
    }

    /** True for the actions that take a device down, even for a moment. */
    public boolean disruptive() {
        return this != ON;
    }
}
