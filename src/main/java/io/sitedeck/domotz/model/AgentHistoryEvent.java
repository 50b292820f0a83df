package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A state change of an agent ({@code AgentHistory}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentHistoryEvent(Instant timestamp, AgentEventType type) {}
