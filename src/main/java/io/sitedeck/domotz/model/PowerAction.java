package io.sitedeck.domotz.model;

/** The {@code field} of powerActionOnDevice. */
public enum PowerAction {
    ON("on"),
    OFF("off"),
    SOFTWARE_REBOOT("software-reboot"),
    CYCLE("cycle");

    private final String path;

    PowerAction(String path) {
        this.path = path;
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
