package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The Domotz user an API key belongs to ({@code User}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DomotzUser(Integer id, String name) {}
