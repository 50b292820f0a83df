package io.sitedeck.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The gateway with its trouble handling on and its clocks short, for tests against WireMock
 * cells: retries, a circuit that opens after 3 failures for 1 s, a 1 s first pause after a 429,
 * stale-while-revalidate, 1 s agent freshness, and answers' freshness spread over half of their TTL.
 */
public class ResilienceProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("sitedeck.domotz.retries", "2"),
                Map.entry("sitedeck.domotz.retry-delay", "20ms"),
                Map.entry("sitedeck.domotz.circuit-failures", "3"),
                Map.entry("sitedeck.domotz.circuit-open-for", "1s"),
                Map.entry("sitedeck.domotz.quota-backoff", "1s"),
                Map.entry("sitedeck.domotz.quota-backoff-max", "4s"),
                Map.entry("sitedeck.domotz.stale-while-revalidate", "10m"),
                Map.entry("sitedeck.domotz.ttl.agents", "1s"),
                Map.entry("sitedeck.domotz.freshness-spread", "0.5"),
                Map.entry("sitedeck.domotz.queue-timeout", "2s"));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
