package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An alert profile bound to an agent ({@code AlertProfileAgentBinding}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentAlertBinding(int alertProfileId) {}
