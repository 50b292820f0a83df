package io.sitedeck.domotz.model;

/** The body of setSnmpCommunity; {@code write} may be null (Domotz then uses {@code read}). */
public record SnmpCommunity(String read, String write) {
    @Override
    public String toString() {
        return "SnmpCommunity[read=••••, write=" + (write == null ? "null" : "••••") + "]";
    }
}
