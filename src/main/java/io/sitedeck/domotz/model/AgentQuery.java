package io.sitedeck.domotz.model;

/** The filters and page of listAgents; null means "not sent". {@code pageNumber} is 0-indexed. */
public record AgentQuery(Integer pageSize, Integer pageNumber, String displayName, String teamName) {

    public static final AgentQuery ALL = new AgentQuery(null, null, null, null);

    public static AgentQuery page(int pageSize, int pageNumber) {
        return new AgentQuery(pageSize, pageNumber, null, null);
    }
}
