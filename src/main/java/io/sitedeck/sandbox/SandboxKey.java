package io.sitedeck.sandbox;

import java.time.Duration;

/** An API key the sandbox accepts, with its limits and the Domotz user it belongs to. */
record SandboxKey(int id, String name, String value, int userId, String userName, int dailyLimit,
                  int concurrentAllowed, Duration latency, int ownAgents) {

    @Override
    public String toString() {
        return "SandboxKey[" + id + " " + name + "]";
    }
}
