package io.sitedeck.reports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitedeck.availability.Availability;
import io.sitedeck.availability.SiteReport;
import io.sitedeck.domotz.Budget;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.PlannedRead;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.fleet.FleetQueries;
import io.sitedeck.web.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What generating a report would cost in Domotz calls, before it is generated, and whether the key's budget can
 * afford it today. Answers already stored and fresh cost nothing; the rest is one call each. The vital devices come
 * from a held device list, else from the fleet index, else the list is read (one call the report would make anyway);
 * a site's zone from the held agent, else UTC (its reads are then not held either, so the count holds).
 */
@ApplicationScoped
public class ReportCost {

    @Inject
    Clock clock;

    /** {@code calls}: the estimate; {@code refusal}: why the budget cannot afford it today, or null. */
    public record Estimate(int calls, Integer left, String refusal) {
        public boolean affordable() {
            return refusal == null;
        }
    }

    private final DomotzGateway gateway;
    private final FleetQueries fleet;

    ReportCost(DomotzGateway gateway, FleetQueries fleet) {
        this.gateway = gateway;
        this.fleet = fleet;
    }

    public Estimate of(DomotzTarget target, List<Integer> agentIds, YearMonth month) {
        int calls = 0;
        for (int agentId : agentIds) {
            try {
                calls += (int) planned(target, agentId, month).stream().filter(r -> gateway.costs(target, r)).count();
            } catch (DomotzException.AccessDenied | DomotzException.NotFound refused) {
                // A site the key may list but not read: a team's report leaves it out, at no cost.
            }
        }
        return afford(gateway.budget(target), calls, clock.instant());
    }

    /** The reads a site's report makes, as {@link ReportBuilder} and {@link SiteReport} make them. */
    List<PlannedRead> planned(DomotzTarget target, int agentId, YearMonth month) {
        ZoneId zone = gateway.cachedAgent(target, agentId).map(Agent::timezone).map(TimeRange::zoneOf)
                .orElse(ZoneId.of("UTC"));
        Availability.Interval period = SiteReport.period(month, zone, clock.instant());
        Instant from = SiteReport.readFrom(period);
        List<PlannedRead> reads = new ArrayList<>(List.of(new PlannedRead.Agent(agentId), new PlannedRead.Devices(agentId),
                new PlannedRead.AgentHistory(agentId, from, period.to()),
                new PlannedRead.SpeedTests(agentId, period.from(), period.to())));
        Optional<List<Device>> devices = gateway.cachedDevices(target, agentId);
        OptionalLong indexed = devices.isPresent() ? OptionalLong.empty()
                : QuarkusTransaction.requiringNew().call(() -> fleet.vitalDevices(target.indexScope(), agentId));
        if (devices.isPresent() || indexed.isEmpty()) {
            // Neither held nor indexed: the list is read now (the report needs it anyway; it is then held).
            List<Device> list = devices.orElseGet(() -> gateway.listDevices(target, agentId, false));
            for (Device d : SiteReport.vital(list)) {
                reads.add(new PlannedRead.DeviceHistory(agentId, d.id(), from, period.to()));
                reads.add(new PlannedRead.RtdHistory(agentId, d.id(), period.from(), period.to()));
            }
        } else {
            for (int i = 0; i < indexed.getAsLong(); i++) {
                // Devices known by number only: their histories cannot be held either, two calls each.
                reads.add(new PlannedRead.DeviceHistory(agentId, -1 - i, from, period.to()));
                reads.add(new PlannedRead.RtdHistory(agentId, -1 - i, period.from(), period.to()));
            }
        }
        return reads;
    }

    /**
     * A report may spend the key's budget down to a tenth of its daily limit, not further: that tenth is kept for
     * people's pages (the same line the budget footer calls "low"). A paused key (after a 429) affords nothing; an
     * unknown budget (not read yet today) does not stop a report.
     */
    static Estimate afford(Budget.View budget, int calls, Instant now) {
        if (budget.pausedUntil() != null && budget.pausedUntil().isAfter(now)) {
            return new Estimate(calls, budget.left(), "Domotz has paused this key (its quota was reached) until "
                    + budget.pausedUntil() + ".");
        }
        if (!budget.known() || calls == 0) {
            return new Estimate(calls, budget.left(), null);
        }
        int reserve = (budget.dailyLimit() + 9) / 10;
        if (budget.left() - calls < reserve) {
            return new Estimate(calls, budget.left(), "This report needs " + calls + " Domotz calls; the key has "
                    + budget.left() + " left today, and a tenth of its daily limit (" + reserve
                    + ") stays for people's pages. Try again when the budget renews.");
        }
        return new Estimate(calls, budget.left(), null);
    }
}
