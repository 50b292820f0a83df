package io.sitedeck.sandbox;

import io.sitedeck.domotz.DomotzTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;

/**
 * The connection the console uses to reach the sandbox running in the same process: over real
 * HTTP on the loopback, with the first configured sandbox key.
 */
@ApplicationScoped
public class EmbeddedSandbox {

    private final SandboxConfig config;
    private final SandboxKeys keys;

    EmbeddedSandbox(SandboxConfig config, SandboxKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    /** The sandbox as a Domotz cell, given the port this server listens on; empty when it is off. */
    public Optional<DomotzTarget> target(int localPort) {
        if (!config.enabled() || keys.all().isEmpty()) {
            return Optional.empty();
        }
        URI baseUrl = URI.create("http://127.0.0.1:" + localPort + SandboxGate.BASE_PATH);
        return Optional.of(new DomotzTarget(baseUrl, keys.all().get(0).value()));
    }
}
