package io.sitedeck.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends webhook events as Domotz does: when something happens on an agent or device, every
 * enabled alert profile bound to it (agent events to agent bindings, device events to device
 * bindings, as in the reference) whose event list has the event gets a POST of the documented
 * body ({@code name}, {@code timestamp}, {@code data}) at its webhook URL. A failed delivery (no
 * answer, or not 2xx) is tried again after {@code first-retry}, doubling, up to
 * {@code max-attempts}.
 */
@ApplicationScoped
class SandboxWebhooks {

    private static final Logger LOG = Logger.getLogger(SandboxWebhooks.class);

    private final SandboxWorld world;
    private final SandboxConfig.Webhooks config;
    private final Instance<SandboxWebhookTargets> embedded;
    private final AtomicInteger pending = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Finds targets and schedules attempts; the sends themselves are the HTTP client's, asynchronous. */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    SandboxWebhooks(SandboxWorld world, SandboxConfig config, Instance<SandboxWebhookTargets> embedded) {
        this.world = world;
        this.config = config.webhooks();
        this.embedded = embedded;
    }

    /** An agent event ({@code agent_*}): {@code data} gets the agent id first. */
    void agentEvent(int agentId, String name, Instant at, ObjectNode details) {
        Set<Integer> profiles = world.agentBindings().stream().filter(b -> b.agentId() == agentId)
                .map(SandboxWorld.AgentBinding::profileId).collect(Collectors.toSet());
        raise(profiles, name, at, data(agentId, null, details));
    }

    /** A device event ({@code device_*}). */
    void deviceEvent(int agentId, int deviceId, String name, Instant at, ObjectNode details) {
        Set<Integer> profiles = world.deviceBindings().stream()
                .filter(b -> b.agentId() == agentId && b.deviceId() == deviceId)
                .map(SandboxWorld.DeviceBinding::profileId).collect(Collectors.toSet());
        raise(profiles, name, at, data(agentId, deviceId, details));
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    private void raise(Set<Integer> boundProfiles, String name, Instant at, ObjectNode data) {
        ObjectNode body = SandboxJson.object();
        body.set("data", data);
        body.put("name", name);
        body.put("timestamp", SandboxJson.seriesTime(at.truncatedTo(ChronoUnit.SECONDS)));
        String json = body.toString();
        List<SandboxAlertProfiles.Profile> profiles = SandboxAlertProfiles.PROFILES.stream()
                .filter(p -> boundProfiles.contains(p.id()) && p.enabled() && p.events().contains(name)).toList();
        if (!profiles.isEmpty() && !sender.isShutdown()) {
            // Off the caller's thread: it may be the event loop, and finding the targets can read the database.
            pending.incrementAndGet();
            sender.execute(() -> {
                try {
                    profiles.forEach(profile -> targets(profile).forEach(target -> {
                        pending.incrementAndGet();
                        attempt(target, json, 1);
                    }));
                } finally {
                    pending.decrementAndGet();
                }
            });
        }
    }

    private List<URI> targets(SandboxAlertProfiles.Profile profile) {
        String configured = config.profiles().getOrDefault(Integer.toString(profile.id()), config.target().orElse(null));
        if (configured != null) {
            return List.of(URI.create(configured));
        }
        return embedded.isResolvable() ? embedded.get().embeddedTargets() : List.of();
    }

    /** One attempt, already counted in {@link #pending}: the count drops when it is settled (taken, retried or given up). */
    private void attempt(URI target, String json, int attempt) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("User-Agent", "Domotz-Sandbox-Webhook")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        } catch (IllegalArgumentException unusable) {
            pending.decrementAndGet();
            LOG.warnf("Not a webhook target the sandbox can send to: %s", unusable.getMessage());
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            try {
                settle(target, json, attempt, response, failure);
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** Taken, given up, or retried after a growing wait. */
    private void settle(URI target, String json, int attempt, HttpResponse<Void> response, Throwable failure) {
        if (failure == null && response.statusCode() / 100 == 2) {
            return;
        }
        String why = failure != null ? failure.getClass().getSimpleName() : "HTTP " + response.statusCode();
        if (attempt >= config.maxAttempts()) {
            LOG.warnf("Gave up a webhook to %s after %d attempts (%s)", target.getHost(), attempt, why);
            return;
        }
        long wait = config.firstRetry().toMillis() << Math.min(attempt - 1, 10);
        LOG.debugf("Webhook to %s failed (%s); attempt %d in %d ms", target.getHost(), why, attempt + 1, wait);
        if (!sender.isShutdown()) {
            pending.incrementAndGet();
            sender.schedule(() -> attempt(target, json, attempt + 1), wait, TimeUnit.MILLISECONDS);
        }
    }

    /** Events being sent or waiting for a retry: 0 once every delivery so far was taken or given up. */
    int deliveriesInProgress() {
        return pending.get();
    }

    private static ObjectNode data(int agentId, Integer deviceId, ObjectNode details) {
        ObjectNode data = SandboxJson.object();
        data.put("agent_id", agentId);
        if (deviceId != null) {
            data.put("device_id", deviceId);
        }
        if (details != null) {
            data.setAll(details);
        }
        return data;
    }
}
