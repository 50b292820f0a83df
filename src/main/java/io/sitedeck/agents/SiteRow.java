package io.sitedeck.agents;

import io.sitedeck.domotz.model.Agent;
import io.sitedeck.shared.Ago;
import io.sitedeck.shared.LiveNames;
import java.time.Instant;

/** One line of the sites list. */
public record SiteRow(int id, String name, String status, String since, String team, String access,
                      String grantedBy, boolean apiEnabled, String agentVersion, String timezone) {

    /** The name of the live update that replaces this row's status badge. */
    public String liveTarget() {
        return LiveNames.siteBadge(id);
    }

    static SiteRow of(Agent agent, Instant now) {
        Agent.AgentStatus status = agent.status();
        return new SiteRow(agent.id(), agent.displayName(),
                status == null || status.value() == null ? "UNKNOWN" : status.value().name(),
                status == null ? "" : Ago.since(status.lastChange(), now),
                agent.teamName(),
                agent.accessRight() == null || agent.accessRight().status() == null ? ""
                        : agent.accessRight().status().name(),
                agent.accessRight() == null || agent.accessRight().grantingUser() == null ? null
                        : agent.accessRight().grantingUser().name(),
                agent.apiEnabled(),
                agent.version() == null ? null : agent.version().agent(),
                agent.timezone());
    }
}
