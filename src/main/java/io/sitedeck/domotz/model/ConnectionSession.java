package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** An open remote connection to a device ({@code ConnectionSession}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionSession(int id, String allowedIp, Instant expiration, String link, int port,
                                ConnectionProtocol protocol) {}
