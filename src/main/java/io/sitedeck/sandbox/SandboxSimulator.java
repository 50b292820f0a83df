package io.sitedeck.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Life in the sandbox: at {@code sitedeck.sandbox.simulator.events-per-minute}, something happens
 * — a device drops and comes back, its round-trip delay spikes and recovers, it changes IP
 * address, a site's Internet slows down, a new device appears, a site loses its connection for a
 * while. Each change is real (the API answers accordingly) and raises its webhook event. Three
 * times in four the change hits something an alert profile is bound to, so a demo console sees
 * events arrive.
 */
@ApplicationScoped
class SandboxSimulator {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(SandboxSimulator.class);

    private final SandboxWorld world;
    private final SandboxWebhooks webhooks;
    private final SandboxConfig config;
    /** Runs the ticks and the changes back (a device returning, an issue resolved). */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-simulator");
        thread.setDaemon(true);
        return thread;
    });

    SandboxSimulator(SandboxWorld world, SandboxWebhooks webhooks, SandboxConfig config) {
        this.world = world;
        this.webhooks = webhooks;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        double perMinute = config.simulator().eventsPerMinute();
        if (!config.enabled() || perMinute <= 0) {
            return;
        }
        long period = Math.max(100, Math.round(60_000 / perMinute));
        scheduler.scheduleAtFixedRate(() -> safely(this::tick), period, period, TimeUnit.MILLISECONDS);
        LOG.infof("Sandbox simulator: about %.1f changes per minute, with webhook events for bound profiles", perMinute);
    }

    void stop(@Observes ShutdownEvent stopping) {
        scheduler.shutdownNow();
    }

    private static void safely(Runnable change) {
        try {
            change.run();
        } catch (RuntimeException unexpected) {
            LOG.warnf(unexpected, "The sandbox simulator skipped a change");
        }
    }

    /** One change, chosen by weight. */
    void tick() {
        int roll = ThreadLocalRandom.current().nextInt(100);
        if (roll < 35) {
            statusFlap(device());
        } else if (roll < 55) {
            rtdIssue(device());
        } else if (roll < 65) {
            ipChange(device());
        } else if (roll < 80) {
            speedIssue(boundAgent());
        } else if (roll < 90) {
            discovery(randomAgent());
        } else {
            agentFlap(boundAgent());
        }
    }

    /** An online device drops (device_status DOWN) and comes back 30–180 s later (UP). */
    void statusFlap(SandboxDevice device) {
        if (device == null) {
            return;
        }
        SandboxAgent agent = world.agent(device.agentId);
        Instant now = clock.instant();
        boolean dropped = world.onDevices(agent, devices -> device.isIp() && device.poweredOn
                && "ONLINE".equals(device.status) && device.changeStatus("DOWN", now));
        if (dropped) {
            webhooks.deviceEvent(agent.id, device.id, "device_status", now, value("DOWN"));
            later(30, 180, () -> {
                Instant back = clock.instant();
                if (world.onDevices(agent, devices -> device.poweredOn && device.changeStatus("ONLINE", back))) {
                    webhooks.deviceEvent(agent.id, device.id, "device_status", back, value("UP"));
                }
            });
        }
    }

    /** The device's round-trip delay crosses the thresholds (device_rtd detected), resolved 1–4 min later. */
    void rtdIssue(SandboxDevice device) {
        if (device == null || !device.isIp()) {
            return;
        }
        int latency = (int) Math.max(150, device.rtdBaselineMs * 20);
        webhooks.deviceEvent(device.agentId, device.id, "device_rtd", clock.instant(), rtd("RTD_ISSUE_DETECTED", latency, 12));
        later(60, 240, () -> webhooks.deviceEvent(device.agentId, device.id, "device_rtd", clock.instant(),
                rtd("RTD_ISSUE_RESOLVED", (int) Math.ceil(device.rtdBaselineMs), 0)));
    }

    /** A LAN device gets a new address from DHCP (device_ip_change); the API reports the new one. */
    void ipChange(SandboxDevice device) {
        if (device == null || device.kind != SandboxDevice.Kind.LOCAL || device.ipAddresses.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        ObjectNode details = world.onDevices(world.agent(device.agentId), devices -> {
            ObjectNode change = SandboxJson.object();
            device.ipAddresses.forEach(change.putArray("old_ip_addresses")::add);
            String current = device.ipAddresses.get(0);
            String moved = current.substring(0, current.lastIndexOf('.') + 1) + (100 + ThreadLocalRandom.current().nextInt(150));
            device.changeAddresses(List.of(moved), now);
            change.putArray("value").add(moved);
            return change;
        });
        webhooks.deviceEvent(device.agentId, device.id, "device_ip_change", now, details);
    }

    /** The site's Internet slows below the thresholds (agent_speed_test detected), resolved 2–6 min later. */
    void speedIssue(SandboxAgent agent) {
        if (agent == null) {
            return;
        }
        int plan = (int) (agent.downloadPlanBps / 1_000_000);
        webhooks.agentEvent(agent.id, "agent_speed_test", clock.instant(), speed("SPEED_TEST_ISSUE_DETECTED", plan / 5, plan));
        later(120, 360, () -> webhooks.agentEvent(agent.id, "agent_speed_test", clock.instant(),
                speed("SPEED_TEST_ISSUE_RESOLVED", plan, plan)));
    }

    /** A new device appears on the site's network (agent_device_discovery); the API lists it. */
    void discovery(SandboxAgent agent) {
        Instant now = clock.instant();
        world.discover(agent, now).ifPresent(device -> {
            ObjectNode details = SandboxJson.object().put("device_id", device.id);
            webhooks.agentEvent(agent.id, "agent_device_discovery", now, details);
        });
    }

    /** The site loses its connection (agent_status DOWN) and comes back 1–4 min later (UP). */
    void agentFlap(SandboxAgent agent) {
        if (agent == null || !"ONLINE".equals(agent.status)) {
            return;
        }
        Instant now = clock.instant();
        synchronized (agent) {
            agent.status = "OFFLINE";
            agent.statusChange = now;
        }
        webhooks.agentEvent(agent.id, "agent_status", now, value("DOWN"));
        later(60, 240, () -> {
            Instant back = clock.instant();
            synchronized (agent) {
                agent.status = "ONLINE";
                agent.statusChange = back;
            }
            webhooks.agentEvent(agent.id, "agent_status", back, value("UP"));
        });
    }

    /** A device to change: three times in four one a profile is bound to. */
    private SandboxDevice device() {
        List<SandboxWorld.DeviceBinding> bound = new ArrayList<>(world.deviceBindings());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (!bound.isEmpty() && random.nextInt(4) > 0) {
            SandboxWorld.DeviceBinding binding = bound.get(random.nextInt(bound.size()));
            SandboxAgent agent = world.agent(binding.agentId());
            return world.onDevices(agent, devices -> devices.get(binding.deviceId()));
        }
        SandboxAgent agent = randomAgent();
        return world.onDevices(agent, devices -> {
            List<SandboxDevice> all = new ArrayList<>(devices.values());
            return all.get(random.nextInt(all.size()));
        });
    }

    private SandboxAgent boundAgent() {
        List<SandboxWorld.AgentBinding> bound = new ArrayList<>(world.agentBindings());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (!bound.isEmpty() && random.nextInt(4) > 0) {
            return world.agent(bound.get(random.nextInt(bound.size())).agentId());
        }
        return randomAgent();
    }

    private SandboxAgent randomAgent() {
        List<SandboxAgent> readable = world.agents().stream().filter(a -> a.apiEnabled).toList();
        return readable.get(ThreadLocalRandom.current().nextInt(readable.size()));
    }

    private void later(int minSeconds, int maxSeconds, Runnable change) {
        long delay = ThreadLocalRandom.current().nextLong(minSeconds, maxSeconds + 1L);
        scheduler.schedule(() -> safely(change), delay, TimeUnit.SECONDS);
    }

    private static ObjectNode value(String upOrDown) {
        return SandboxJson.object().put("value", upOrDown);
    }

    private static ObjectNode rtd(String status, int latency, int loss) {
        ObjectNode details = SandboxJson.object().put("status", status);
        details.putObject("threshold").put("latency", 100).put("packet_loss_percentage", 5);
        details.putObject("value").put("latency", latency).put("packet_loss_percentage", loss);
        return details;
    }

    private static ObjectNode speed(String status, int download, int plan) {
        ObjectNode details = SandboxJson.object().put("status", status);
        details.putObject("threshold").put("download", plan / 2).put("upload", plan / 10);
        details.putObject("value").put("download", download).put("upload", Math.max(1, download / 5));
        return details;
    }
}
