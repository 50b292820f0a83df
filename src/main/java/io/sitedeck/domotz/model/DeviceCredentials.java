package io.sitedeck.domotz.model;

/** The body of setCredentials. The password never appears in {@link #toString()}. */
public record DeviceCredentials(String username, String password) {
    @Override
    public String toString() {
        return "DeviceCredentials[username=" + username + ", password=••••]";
    }
}
