package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An alert profile of a Domotz user: which events it sends where. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertProfile(int id, String name, String description, String tag, Boolean isEnabled,
                           List<String> events) {}
