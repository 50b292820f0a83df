package io.sitedeck.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sandbox's state: the generated agents and devices, alert profiles and their bindings, and
 * open remote connections. Changes live as long as the process.
 */
@ApplicationScoped
class SandboxWorld {

    @Inject
    Clock clock;

    record AgentBinding(int profileId, int agentId) {}

    record DeviceBinding(int profileId, int agentId, int deviceId) {}

    /** A remote connection opened by connectToDevice. */
    record Connection(int id, int agentId, int deviceId, String protocol, int port, String allowedIp,
                      Instant expiration) {}

    /** Device numbers stay below this, so generated addresses stay valid. */
    private static final int MOST_DEVICES = 240;

    private final WorldGenerator generator;
    private final List<SandboxAgent> agents;
    private final Map<Integer, SandboxAgent> agentsById;
    private final Set<AgentBinding> agentBindings = ConcurrentHashMap.newKeySet();
    private final Set<DeviceBinding> deviceBindings = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionIds = new AtomicInteger(9000);
    private final Map<Integer, Connection> connections = new ConcurrentHashMap<>();
    private final SandboxConfig config;

    SandboxWorld(SandboxConfig config, SandboxKeys keys) {
        this.config = config;
        this.generator = new WorldGenerator(config.seed(), config.world());
        this.agents = new ArrayList<>(generator.agents());
        for (SandboxKey key : keys.all()) {
            for (int n = 0; n < key.ownAgents(); n++) {
                SandboxAgent own = generator.agent(agents.size());
                own.ownerUserId = key.userId();
                agents.add(own);
            }
        }
        this.agentsById = agents.stream().collect(Collectors.toUnmodifiableMap(a -> a.id, Function.identity()));
        for (SandboxAgent agent : agents) {
            if (agent.index % 3 == 0) {
                agentBindings.add(new AgentBinding(SandboxAlertProfiles.SITE_CONNECTIVITY, agent.id));
            }
            // The gateway (device 0) of every other agent is watched by the "critical devices" profile.
            if (agent.index % 2 == 0 && agent.apiEnabled) {
                deviceBindings.add(new DeviceBinding(SandboxAlertProfiles.CRITICAL_DOWN, agent.id,
                        100_000 + agent.index * 1000));
            }
        }
    }

    /** Every agent, whoever sees it. */
    List<SandboxAgent> agents() {
        return agents;
    }

    /** Any agent by id, whoever sees it: for the sandbox's own changes, not for callers. */
    SandboxAgent agent(int id) {
        SandboxAgent agent = agentsById.get(id);
        if (agent == null) {
            throw SandboxError.notFound("Agent " + id + " not found");
        }
        return agent;
    }

    /** The agents the key's user sees: the shared ones and the user's own. */
    List<SandboxAgent> agents(SandboxKey key) {
        return agents.stream().filter(a -> visible(a, key)).toList();
    }

    /** An agent the key can see (it may still not be readable). */
    SandboxAgent agent(SandboxKey key, String idText) {
        SandboxAgent agent = agentsById.get(SandboxInput.id(idText, "agent_id"));
        if (agent == null || !visible(agent, key)) {
            throw SandboxError.notFound("Agent " + idText.trim() + " not found");
        }
        return agent;
    }

    /** An agent whose details the key may read: 403 for one whose plan has no API access. */
    SandboxAgent readableAgent(SandboxKey key, String idText) {
        SandboxAgent agent = agent(key, idText);
        if (!agent.apiEnabled) {
            throw new SandboxError(403, "The plan of agent " + agent.id + " does not allow API access");
        }
        return agent;
    }

    private static boolean visible(SandboxAgent agent, SandboxKey key) {
        return agent.ownerUserId == 0 || agent.ownerUserId == key.userId();
    }

    /** Runs work on the agent's devices under its lock. */
    <T> T onDevices(SandboxAgent agent, Function<Map<Integer, SandboxDevice>, T> work) {
        synchronized (agent) {
            return work.apply(agent.devices());
        }
    }

    /** Runs work on one device under its agent's lock; 404 if the agent has no such device. */
    <T> T onDevice(SandboxAgent agent, String deviceIdText, Function<SandboxDevice, T> work) {
        int deviceId = SandboxInput.id(deviceIdText, "device_id");
        synchronized (agent) {
            SandboxDevice device = agent.devices().get(deviceId);
            if (device == null) {
                throw SandboxError.notFound("Device " + deviceId + " not found on agent " + agent.id);
            }
            settleCredentials(device, clock.instant());
            return work.apply(device);
        }
    }

    /** PENDING credentials are judged once the check delay has passed. */
    void settleCredentials(SandboxDevice device, Instant now) {
        if ("PENDING".equals(device.authenticationStatus)
                && !device.credentialsSubmitted.plus(config.credentialsCheckDelay()).isAfter(now)) {
            device.authenticationStatus = device.credentialsAccepted ? "AUTHENTICATED" : "WRONG_CREDENTIALS";
        }
    }

    /** A new device on the agent's network (agent_device_discovery); empty when the agent is full. */
    java.util.Optional<SandboxDevice> discover(SandboxAgent agent, Instant at) {
        synchronized (agent) {
            int n = agent.devices().keySet().stream().mapToInt(id -> id % 1000).max().orElse(-1) + 1;
            if (n >= MOST_DEVICES) {
                return java.util.Optional.empty();
            }
            SandboxDevice device = generator.newcomer(agent, n, at);
            agent.devices().put(device.id, device);
            return java.util.Optional.of(device);
        }
    }

    Set<AgentBinding> agentBindings() {
        return agentBindings;
    }

    Set<DeviceBinding> deviceBindings() {
        return deviceBindings;
    }

    Connection openConnection(SandboxDevice device, String protocol, int port, String allowedIp, Instant expiration) {
        Connection connection = new Connection(connectionIds.incrementAndGet(), device.agentId, device.id, protocol,
                port, allowedIp, expiration);
        connections.put(connection.id(), connection);
        return connection;
    }

    java.util.Optional<Connection> connection(int id) {
        return java.util.Optional.ofNullable(connections.get(id));
    }
}
