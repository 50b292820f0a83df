package io.sitedeck.domotz.model;

/** The body of connectToDevice ({@code DeviceConnection}). */
public record ConnectionRequest(String allowedIp, int port, ConnectionProtocol protocol) {}
