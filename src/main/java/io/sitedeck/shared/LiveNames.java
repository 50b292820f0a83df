package io.sitedeck.shared;

/**
 * The names of the live updates a page listens for ({@code sse-swap}) and the live stream sends: one
 * status badge per device and per site. The stream and every page's view ({@code liveTarget}) take them
 * from here, so the sender and the listeners cannot drift apart.
 */
public final class LiveNames {

    private LiveNames() {
    }

    public static String deviceBadge(int agentId, int deviceId) {
        return "device-" + agentId + "-" + deviceId;
    }

    public static String siteBadge(int agentId) {
        return "agent-" + agentId;
    }
}
