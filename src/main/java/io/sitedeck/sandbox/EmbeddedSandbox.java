package io.sitedeck.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;

/**
 * How the console reaches the sandbox running in the same process: over real HTTP on the
 * loopback, at the port the request arrived on (so random test ports and proxies both work).
 */
@ApplicationScoped
public class EmbeddedSandbox {

    private final SandboxConfig config;
    private final SandboxKeys keys;

    EmbeddedSandbox(SandboxConfig config, SandboxKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The sandbox's base URL, given the port this server listens on. */
    public URI baseUrl(int localPort) {
        return URI.create("http://127.0.0.1:" + localPort + SandboxGate.BASE_PATH);
    }

    /** The first configured sandbox key, offered at first-run set-up; empty when the sandbox is off. */
    public Optional<String> demoKey() {
        return config.enabled() && !keys.all().isEmpty() ? Optional.of(keys.all().get(0).value()) : Optional.empty();
    }
}
