package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Usage and limits of the key's account ({@code APIUsageInformation}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiUsage(List<Count> byIp, List<KeyCount> byKey, List<Count> byResource,
                       Integer concurrentAllowed, Integer dailyLimit, Integer dailyUsage) {

    /** Calls left today, or null when the upstream did not say. */
    public Integer remaining() {
        return dailyLimit == null || dailyUsage == null ? null : Math.max(0, dailyLimit - dailyUsage);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Count(String name, int count) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KeyCount(Integer id, String name, int count) {}
}
