package io.sitedeck.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The configured sandbox keys; ids and user ids follow the sorted names, so they are stable. */
@ApplicationScoped
class SandboxKeys {

    static final int FIRST_USER_ID = 1001;

    private final List<SandboxKey> keys = new ArrayList<>();

    SandboxKeys(SandboxConfig config) {
        Map<String, SandboxConfig.Key> byName = new TreeMap<>(config.keys());
        List<String> users = new ArrayList<>(new TreeSet<>(byName.values().stream().map(SandboxConfig.Key::user).toList()));
        int id = 1;
        for (Map.Entry<String, SandboxConfig.Key> entry : byName.entrySet()) {
            SandboxConfig.Key key = entry.getValue();
            keys.add(new SandboxKey(id++, entry.getKey(), key.value(), FIRST_USER_ID + users.indexOf(key.user()),
                    key.user() + "@sandbox.example", key.dailyLimit().orElse(config.dailyLimit()),
                    key.concurrentAllowed().orElse(config.concurrentAllowed()), key.latency().orElse(config.latency()),
                    key.ownAgents()));
        }
    }

    Optional<SandboxKey> byValue(String value) {
        return value == null ? Optional.empty() : keys.stream().filter(k -> k.value().equals(value.trim())).findFirst();
    }

    List<SandboxKey> ofUser(int userId) {
        return keys.stream().filter(k -> k.userId() == userId).toList();
    }

    List<SandboxKey> all() {
        return List.copyOf(keys);
    }
}
