package io.sitedeck.sandbox;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * The door every sandbox call passes, as at a real cell: the key (X-Api-Key, header name in any
 * case), the daily limit, the concurrent-call limit, usage accounting, the configured latency,
 * and errors in Domotz's shape. The work itself is in-memory and runs off the worker pool.
 */
@ApplicationScoped
class SandboxGate {

    static final String BASE_PATH = EmbeddedSandbox.BASE_PATH;

    private final SandboxKeys keys;
    private final SandboxUsage usage;
    private final CurrentVertxRequest current;

    SandboxGate(SandboxKeys keys, SandboxUsage usage, CurrentVertxRequest current) {
        this.keys = keys;
        this.usage = usage;
        this.current = current;
    }

    Uni<Response> serve(Function<SandboxKey, Response> work) {
        HttpServerRequest request = current.getCurrent().request();
        SandboxKey key = keys.byValue(request.getHeader("X-Api-Key")).orElse(null);
        if (key == null) {
            return Uni.createFrom().item(SandboxError.body(401, request.getHeader("X-Api-Key") == null
                    ? "Missing API key: send it in the X-Api-Key header" : "Invalid API key"));
        }
        if (usage.dailyUsage(key) >= key.dailyLimit()) {
            return Uni.createFrom().item(SandboxError.body(429,
                    "Daily API limit reached: " + key.dailyLimit() + " calls in 24 hours"));
        }
        if (!usage.enter(key)) {
            return Uni.createFrom().item(SandboxError.body(429,
                    "Too many concurrent calls: at most " + key.concurrentAllowed() + " at a time"));
        }
        usage.record(key, clientIp(request), resourceOf(request.path()));
        Uni<Void> wait = key.latency().isZero() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(key.latency());
        return wait.map(ignored -> answer(key, work)).onTermination().invoke(() -> usage.leave(key));
    }

    private static Response answer(SandboxKey key, Function<SandboxKey, Response> work) {
        try {
            return work.apply(key);
        } catch (SandboxError error) {
            return error.toResponse();
        }
    }

    private static String clientIp(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** The base resource name Domotz reports in by_resource: the first path segment. */
    static String resourceOf(String path) {
        String rest = path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : path;
        String[] segments = rest.split("/");
        return segments.length > 1 ? segments[1] : "";
    }
}
