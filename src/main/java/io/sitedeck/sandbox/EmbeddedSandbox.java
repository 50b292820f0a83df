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

    /** Where the sandbox API lives on this server, as at a real cell. */
    public static final String BASE_PATH = "/public-api/v1";

    private final SandboxConfig config;
    private final SandboxKeys keys;

    EmbeddedSandbox(SandboxConfig config, SandboxKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Whether callers on other machines are answered ({@code sitedeck.sandbox.remote-access}). */
    public boolean remoteAccess() {
        return config.remoteAccess();
    }

    /** How many agents its world has (for the start-up banner). */
    public int agents() {
        return config.world().agents();
    }

    /** True for a path the sandbox answers (or refuses in its own JSON shape): its API and its own pages. */
    public static boolean owns(String path) {
        return path.startsWith("/public-api/") || path.startsWith("/sandbox/");
    }

    /** The sandbox's base URL, given the port this server listens on. */
    public URI baseUrl(int localPort) {
        return URI.create("http://127.0.0.1:" + localPort + BASE_PATH);
    }

    /** The first configured sandbox key, offered at first-run set-up; empty when the sandbox is off. */
    public Optional<String> demoKey() {
        return config.enabled() && !keys.all().isEmpty() ? Optional.of(keys.all().get(0).value()) : Optional.empty();
    }
}
