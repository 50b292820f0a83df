package io.sitedeck.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A device's availability over a period, by the rules of docs/reports.md (issue #18), as pure logic. Every instant
 * of the period is exactly one of: in maintenance (a window covers it; planned work is not downtime), unknown (the
 * site's agent was disconnected or down, or no status is known yet: never counted as down), up or down (the device's
 * last status event at or before it). Availability = up / (up + down). Incidents are the continuous down runs
 * longer than a threshold.
 */
public final class Availability {

    public enum State { UP, DOWN, MAINTENANCE, UNKNOWN }

    /** A status change: the device (or the site's agent) went up or down at this instant. */
    public record Change(Instant at, boolean up) {
    }

    /** A half-open interval [from, to). */
    public record Interval(Instant from, Instant to) {
        public Interval {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("An interval ends after it starts: " + from + " – " + to);
            }
        }

        boolean contains(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }

        Duration length() {
            return Duration.between(from, to);
        }
    }

    /** Someone acknowledged the device down: from when, until when (null: until it recovers), who, why. */
    public record Acknowledgement(Instant from, Instant until, String by, String note) {
        /** "Until it recovers" covers the down run it was made in; "until a time" every run it overlaps. */
        boolean covers(Instant start, Instant end) {
            return until == null ? !from.isBefore(start) && from.isBefore(end)
                    : from.isBefore(end) && until.isAfter(start);
        }
    }

    /**
     * A continuous down run in the period: {@code startedBefore} when the device was already down as the period began,
     * {@code ongoing} when it was still down as the period ended; the acknowledgement that covers it, if any.
     */
    public record Incident(Instant start, Instant end, boolean startedBefore, boolean ongoing, Acknowledgement acknowledgement) {
        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    /** Time per state; {@code availability} is up / (up + down), empty when neither was ever seen. */
    public record Figures(Duration up, Duration down, Duration maintenance, Duration unknown) {
        public static final Figures NONE = new Figures(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

        /** Two devices' times together: a site's figure is its vital devices' up over their up + down. */
        public Figures plus(Figures other) {
            return new Figures(up.plus(other.up), down.plus(other.down), maintenance.plus(other.maintenance),
                    unknown.plus(other.unknown));
        }

        public Optional<Double> availability() {
            Duration counted = up.plus(down);
            return counted.isZero() ? Optional.empty() : Optional.of((double) up.toMillis() / counted.toMillis());
        }

        Figures plus(State state, Duration length) {
            return switch (state) {
                case UP -> new Figures(up.plus(length), down, maintenance, unknown);
                case DOWN -> new Figures(up, down.plus(length), maintenance, unknown);
                case MAINTENANCE -> new Figures(up, down, maintenance.plus(length), unknown);
                case UNKNOWN -> new Figures(up, down, maintenance, unknown.plus(length));
            };
        }
    }

    /**
     * What the rules need. {@code device} and {@code agent} may hold changes before the period (the state at its
     * start is the last one before it); {@code businessHours} is null when the report has none.
     */
    public record Input(Interval period, List<Change> device, List<Change> agent, List<Interval> maintenance,
                        List<Interval> businessHours, List<Acknowledgement> acknowledgements, Duration incidentThreshold) {
    }

    /** The whole period's figures, those within business hours (null without them), and the incidents. */
    public record Result(Figures overall, Figures businessHours, List<Incident> incidents) {
    }

    /** A stretch of the period in one state. */
    record Segment(Instant from, Instant to, State state) {
    }

    private Availability() {
    }

    public static Result compute(Input in) {
        List<Change> device = sorted(in.device());
        List<Change> agent = sorted(in.agent());
        List<Segment> segments = segments(in, device, agent);
        Figures overall = Figures.NONE;
        Figures business = in.businessHours() == null ? null : Figures.NONE;
        for (Segment s : segments) {
            Duration length = Duration.between(s.from(), s.to());
            overall = overall.plus(s.state(), length);
            if (business != null && in.businessHours().stream().anyMatch(i -> i.contains(s.from()))) {
                business = business.plus(s.state(), length);
            }
        }
        return new Result(overall, business, incidents(in, segments));
    }

    /** The period cut at every instant something changes, each piece classified at its start. */
    static List<Segment> segments(Input in, List<Change> device, List<Change> agent) {
        Interval period = in.period();
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(period.from());
        cuts.add(period.to());
        device.forEach(c -> cut(cuts, period, c.at()));
        agent.forEach(c -> cut(cuts, period, c.at()));
        in.maintenance().forEach(m -> {
            cut(cuts, period, m.from());
            cut(cuts, period, m.to());
        });
        if (in.businessHours() != null) {
            in.businessHours().forEach(b -> {
                cut(cuts, period, b.from());
                cut(cuts, period, b.to());
            });
        }
        List<Segment> segments = new ArrayList<>();
        Instant previous = null;
        for (Instant at : cuts) {
            if (previous != null && at.isAfter(previous)) {
                segments.add(new Segment(previous, at, stateAt(previous, in.maintenance(), device, agent)));
            }
            previous = at;
        }
        return segments;
    }

    /** Maintenance first (planned work), then "could not see" (agent away, nothing known), then the device's own. */
    static State stateAt(Instant at, List<Interval> maintenance, List<Change> device, List<Change> agent) {
        if (maintenance.stream().anyMatch(m -> m.contains(at))) {
            return State.MAINTENANCE;
        }
        Optional<Change> site = lastAtOrBefore(agent, at);
        if (site.isPresent() && !site.get().up()) {
            return State.UNKNOWN;
        }
        return lastAtOrBefore(device, at).map(c -> c.up() ? State.UP : State.DOWN).orElse(State.UNKNOWN);
    }

    private static List<Incident> incidents(Input in, List<Segment> segments) {
        List<Incident> incidents = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        for (Segment s : segments) {
            if (s.state() == State.DOWN && start != null && s.from().equals(end)) {
                end = s.to();
            } else if (s.state() == State.DOWN) {
                add(in, incidents, start, end);
                start = s.from();
                end = s.to();
            }
        }
        add(in, incidents, start, end);
        return incidents;
    }

    private static void add(Input in, List<Incident> incidents, Instant start, Instant end) {
        if (start == null || Duration.between(start, end).compareTo(in.incidentThreshold()) < 0) {
            return;
        }
        Acknowledgement ack = in.acknowledgements().stream().filter(a -> a.covers(start, end)).findFirst().orElse(null);
        incidents.add(new Incident(start, end, start.equals(in.period().from()), end.equals(in.period().to()), ack));
    }

    private static void cut(TreeSet<Instant> cuts, Interval period, Instant at) {
        if (at.isAfter(period.from()) && at.isBefore(period.to())) {
            cuts.add(at);
        }
    }

    private static Optional<Change> lastAtOrBefore(List<Change> changes, Instant at) {
        Change last = null;
        for (Change c : changes) {
            if (c.at().isAfter(at)) {
                break;
            }
            last = c;
        }
        return Optional.ofNullable(last);
    }

    private static List<Change> sorted(List<Change> changes) {
        return changes.stream().sorted(Comparator.comparing(Change::at)).toList();
    }
}
