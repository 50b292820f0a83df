package io.sitedeck.domotz.model;

import java.time.Instant;

/** A camera image as onvifSnapshot returned it. */
public record Snapshot(byte[] bytes, String contentType, Instant takenAt) {}
