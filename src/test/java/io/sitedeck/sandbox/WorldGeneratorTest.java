package io.sitedeck.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The world is a function of the seed, and the benchmark size (1,000 agents × 100 devices) holds together. */
class WorldGeneratorTest {

    @Test
    void sameSeedSameWorld() {
        assertEquals(render(new WorldGenerator(7, size(12, 15, 80)).agents()),
                render(new WorldGenerator(7, size(12, 15, 80)).agents()));
        assertNotEquals(render(new WorldGenerator(7, size(12, 15, 80)).agents()),
                render(new WorldGenerator(8, size(12, 15, 80)).agents()));
    }

    @Test
    void benchmarkWorldHasAThousandAgentsOfAHundredDevices() {
        List<SandboxAgent> agents = new WorldGenerator(42, size(1000, 100, 100)).agents();
        assertEquals(1000, agents.size());
        assertEquals(1000, agents.stream().map(a -> a.id).distinct().count());
        assertEquals(1000, agents.stream().map(a -> a.displayName).distinct().count(), "site names are unique");
        Set<Integer> deviceIds = new HashSet<>();
        for (SandboxAgent agent : List.of(agents.get(0), agents.get(499), agents.get(999))) {
            assertEquals(100, agent.devices().size());
            agent.devices().keySet().forEach(id -> assertTrue(deviceIds.add(id), "device id " + id + " is unique"));
        }
    }

    @Test
    void everyAgentHasEveryKindOfDevice() {
        for (SandboxAgent agent : new WorldGenerator(42, size(12, 15, 80)).agents()) {
            Set<SandboxDevice.Kind> kinds = agent.devices().values().stream().map(d -> d.kind)
                    .collect(Collectors.toSet());
            assertEquals(Set.of(SandboxDevice.Kind.values()), kinds, agent.displayName);
            assertTrue(agent.devices().values().stream().anyMatch(d -> "DOWN".equals(d.status)));
            assertTrue(agent.devices().values().stream().anyMatch(d -> "HIDDEN".equals(d.status)));
        }
    }

    private static String render(List<SandboxAgent> agents) {
        return agents.stream().map(a -> SandboxJson.agentDetail(a) + a.devices().values().stream()
                .map(d -> SandboxJson.device(d).toString()).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    private static SandboxConfig.World size(int agents, int min, int max) {
        return new SandboxConfig.World() {
            @Override
            public int agents() {
                return agents;
            }

            @Override
            public int teams() {
                return 3;
            }

            @Override
            public int minDevices() {
                return min;
            }

            @Override
            public int maxDevices() {
                return max;
            }
        };
    }
}
