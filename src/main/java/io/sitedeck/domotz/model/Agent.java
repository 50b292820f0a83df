package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An agent (one customer site): {@code AgentBase} from the list, {@code AgentDetail} from getAgent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Agent(
        int id,
        String displayName,
        AgentStatus status,
        AccessRight accessRight,
        Instant creationTime,
        Licence licence,
        Team team,
        String timezone,
        Version version,
        String listenOn,
        Location location) {

    /** This agent after a status change (a webhook said so). */
    public Agent withStatus(AgentStatusValue value, Instant changedAt) {
        return new Agent(id, displayName, new AgentStatus(value, changedAt), accessRight, creationTime, licence, team,
                timezone, version, listenOn, location);
    }

    /** False when the agent's plan only lets it appear in the list: its details answer 403. */
    public boolean apiEnabled() {
        return accessRight == null || accessRight.apiEnabled() == null || accessRight.apiEnabled();
    }

    public String teamName() {
        return team == null ? null : team.name();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgentStatus(AgentStatusValue value, Instant lastChange) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccessRight(Boolean apiEnabled, GrantingUser grantingUser, AccessStatus status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GrantingUser(String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Licence(Integer id, String code, String boundMacAddress, Instant activationTime,
                          Instant expirationTime) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Team(Integer id, String name, Integer leaderId, Area area) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Area(Integer id) {}

    /** {@code package} is a Java keyword, hence the explicit JSON name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(String agent, @JsonProperty("package") String packageVersion) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(String latitude, String longitude) {}
}
