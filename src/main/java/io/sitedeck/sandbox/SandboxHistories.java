package io.sitedeck.sandbox;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sandbox's time series. Each is a pure function of (seed, id, time): any from/to window
 * asked twice gives the same samples, and overlapping windows agree. Device status histories
 * add the changes API calls made at run time.
 */
@jakarta.enterprise.context.ApplicationScoped
class SandboxHistories {

    @Inject
    Clock clock;

    static final Duration RTD_STEP = Duration.ofMinutes(15);
    static final Duration SPEED_STEP = Duration.ofHours(6);
    private static final long DAY = 86_400;

    record RtdPoint(Instant at, double min, double median, double max, int lost, int sent) {}

    record StatusEvent(Instant at, String type, List<String> oldIp, List<String> newIp) {}

    record AgentEvent(Instant at, String type) {}

    record SpeedPoint(Instant at, long download, long upload) {}

    private final long seed;
    private final Duration longestWindow;

    SandboxHistories(SandboxConfig config) {
        this.seed = config.seed();
        this.longestWindow = config.maxHistoryWindow();
    }

    /** The window a request asks for (Domotz's default: the week up to now); 400 past the longest allowed. */
    SandboxInput.Window window(String from, String to) {
        return SandboxInput.window(from, to, clock.instant(), longestWindow);
    }

    List<RtdPoint> rtd(SandboxDevice device, Instant from, Instant to) {
        List<RtdPoint> points = new ArrayList<>();
        long step = RTD_STEP.getSeconds();
        Instant start = device.firstSeenOn.isAfter(from) ? device.firstSeenOn : from;
        for (long slot = ceilDiv(start.getEpochSecond(), step); slot * step <= to.getEpochSecond(); slot++) {
            points.add(rtdAt(device, slot));
        }
        return points;
    }

    /** The latest sample at or before {@code now}. */
    RtdPoint latestRtd(SandboxDevice device, Instant now) {
        return rtdAt(device, Math.floorDiv(now.getEpochSecond(), RTD_STEP.getSeconds()));
    }

    private RtdPoint rtdAt(SandboxDevice device, long slot) {
        SplittableRandom random = Seeds.random(seed, 11, device.id, slot);
        double median = device.rtdBaselineMs * (0.8 + 0.4 * random.nextDouble());
        if (random.nextInt(40) == 0) {
            median *= 4 + random.nextInt(6); // an occasional latency spike
        }
        double min = median * (0.55 + 0.4 * random.nextDouble());
        double max = median * (1.05 + random.nextDouble());
        int sent = 10;
        int lost = random.nextInt(25) == 0 ? 1 + random.nextInt(4) : 0;
        return new RtdPoint(Instant.ofEpochSecond(slot * RTD_STEP.getSeconds()), min, median, max, lost, sent);
    }

    List<StatusEvent> deviceStatus(SandboxDevice device, Instant from, Instant to) {
        List<StatusEvent> events = new ArrayList<>();
        if (!device.firstSeenOn.isBefore(from) && !device.firstSeenOn.isAfter(to)) {
            events.add(new StatusEvent(device.firstSeenOn, "CREATED", null, null));
        }
        for (long day = Math.floorDiv(from.getEpochSecond(), DAY); day <= Math.floorDiv(to.getEpochSecond(), DAY); day++) {
            SplittableRandom random = Seeds.random(seed, 12, device.id, day);
            Instant midnight = Instant.ofEpochSecond(day * DAY);
            if (random.nextInt(100) < 15) {
                Instant down = midnight.plusSeconds(random.nextInt((int) DAY - 7200));
                events.add(new StatusEvent(down, "DOWN", null, null));
                events.add(new StatusEvent(down.plusSeconds(120 + random.nextInt(5400)), "UP", null, null));
            }
            if (random.nextInt(100) < 3 && !device.ipAddresses.isEmpty()) {
                String current = device.ipAddresses.get(0);
                String old = current.substring(0, current.lastIndexOf('.') + 1) + (100 + random.nextInt(150));
                events.add(new StatusEvent(midnight.plusSeconds(random.nextInt((int) DAY)), "IP_CHANGE",
                        List.of(old), List.of(current)));
            }
        }
        for (SandboxDevice.RuntimeEvent change : device.runtimeEvents) {
            events.add(new StatusEvent(change.at(), change.type(), change.oldIps(), change.newIps()));
        }
        events.removeIf(e -> e.at().isBefore(from) || e.at().isAfter(to) || e.at().isBefore(device.firstSeenOn));
        events.sort(Comparator.comparing(StatusEvent::at));
        return events;
    }

    List<AgentEvent> agentStatus(SandboxAgent agent, Instant from, Instant to) {
        List<AgentEvent> events = new ArrayList<>();
        for (long day = Math.floorDiv(from.getEpochSecond(), DAY); day <= Math.floorDiv(to.getEpochSecond(), DAY); day++) {
            SplittableRandom random = Seeds.random(seed, 13, agent.id, day);
            Instant midnight = Instant.ofEpochSecond(day * DAY);
            int roll = random.nextInt(100);
            if (roll < 10) {
                Instant lost = midnight.plusSeconds(random.nextInt((int) DAY - 3600));
                events.add(new AgentEvent(lost, "CONNECTION_LOST"));
                events.add(new AgentEvent(lost.plusSeconds(60 + random.nextInt(1800)), "CONNECTION_RECOVERED"));
            } else if (roll < 12) {
                Instant down = midnight.plusSeconds(random.nextInt((int) DAY - 7200));
                events.add(new AgentEvent(down, "DOWN"));
                events.add(new AgentEvent(down.plusSeconds(300 + random.nextInt(3600)), "UP"));
            }
        }
        events.removeIf(e -> e.at().isBefore(from) || e.at().isAfter(to) || e.at().isBefore(agent.creationTime));
        events.sort(Comparator.comparing(AgentEvent::at));
        return events;
    }

    List<SpeedPoint> speed(SandboxAgent agent, Instant from, Instant to) {
        List<SpeedPoint> points = new ArrayList<>();
        long step = SPEED_STEP.getSeconds();
        for (long slot = ceilDiv(from.getEpochSecond(), step); slot * step <= to.getEpochSecond(); slot++) {
            SplittableRandom random = Seeds.random(seed, 14, agent.id, slot);
            double quality = random.nextInt(20) == 0 ? 0.15 + 0.2 * random.nextDouble() : 0.7 + 0.3 * random.nextDouble();
            points.add(new SpeedPoint(Instant.ofEpochSecond(slot * step), (long) (agent.downloadPlanBps * quality),
                    (long) (agent.uploadPlanBps * (0.6 + 0.4 * random.nextDouble()))));
        }
        return points;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
