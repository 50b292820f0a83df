package io.sitedeck.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which test class changed which part of the one sandbox world the tests share. The first class
 * to change a part owns it; another class changing it is a conflict, because then one class's
 * assertions depend on whether the other ran first (issue #14). Changing an agent's device list
 * as a whole (deleting its DOWN devices) changes each of its devices too.
 */
public final class SandboxOwnership {

    /** A part of the world: one device, an agent's own alert bindings, or an agent's whole device list. */
    public record Part(int agentId, Kind kind, int deviceId) {

        public enum Kind { ALL_DEVICES, AGENT_BINDINGS, DEVICE }

        public static Part device(int agentId, int deviceId) {
            return new Part(agentId, Kind.DEVICE, deviceId);
        }

        public static Part agentBindings(int agentId) {
            return new Part(agentId, Kind.AGENT_BINDINGS, 0);
        }

        public static Part allDevices(int agentId) {
            return new Part(agentId, Kind.ALL_DEVICES, 0);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case DEVICE -> "device " + deviceId + " of agent " + agentId;
                case AGENT_BINDINGS -> "agent " + agentId + "'s alert bindings";
                case ALL_DEVICES -> "agent " + agentId + "'s device list";
            };
        }
    }

    private final Map<Part, String> owners = new HashMap<>();

    /** Records the change unless it conflicts; answers the conflict, if any. */
    public synchronized Optional<String> claim(String owner, Part part) {
        Optional<String> conflict = owners.entrySet().stream()
                .filter(e -> !e.getValue().equals(owner) && overlap(e.getKey(), part))
                .findFirst().map(e -> e.getKey() + " was changed by " + e.getValue());
        if (conflict.isEmpty()) {
            owners.putIfAbsent(part, owner);
        }
        return conflict;
    }

    /** Who changed what, by agent: its whole parts first, then its devices. */
    public synchronized String summary() {
        Map<String, String> sorted = new TreeMap<>();
        owners.forEach((part, owner) -> sorted.put(String.format("%05d %d %06d", part.agentId(), part.kind().ordinal(),
                part.deviceId()), part + ": " + owner.substring(owner.lastIndexOf('.') + 1)));
        return String.join("\n", sorted.values());
    }

    private static boolean overlap(Part a, Part b) {
        if (a.equals(b)) {
            return true;
        }
        return a.agentId() == b.agentId() && (a.kind() == Part.Kind.ALL_DEVICES && b.kind() == Part.Kind.DEVICE
                || b.kind() == Part.Kind.ALL_DEVICES && a.kind() == Part.Kind.DEVICE);
    }
}
