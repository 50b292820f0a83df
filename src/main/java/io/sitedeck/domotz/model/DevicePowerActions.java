package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Which power actions a device offers at this moment ({@code DevicePowerAction}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DevicePowerActions(boolean on, boolean off, boolean cycle, boolean softwareReboot) {

    public boolean allows(PowerAction action) {
        return switch (action) {
            case ON -> on;
            case OFF -> off;
            case CYCLE -> cycle;
            case SOFTWARE_REBOOT -> softwareReboot;
        };
    }
}
