package io.sitedeck.fleet;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sitedeck.account.Connections;
import io.sitedeck.domotz.Crawled;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.Device;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The index's third feed: each round, for every Domotz scope Sitedeck holds a key of, reads the
 * device lists of the sites whose index is oldest, one call at a time, while the key's crawler
 * allowance lasts ({@link DomotzGateway#crawlerCallsLeft}: a share of what people are not projected
 * to need). Its calls never take the key's last slots and stop at a 429 (the key is paused for
 * everything). With several instances, a site is crawled by the one that claimed it in the database.
 */
@ApplicationScoped
public class FleetCrawler {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(FleetCrawler.class);
    private static final int SITES_PAGE = 100;

    /** This instance's name on its claims. */
    private final String instance = UUID.randomUUID().toString();
    private final Connections connections;
    private final DomotzGateway gateway;
    private final FleetIndex index;
    private final FleetConfig config;

    FleetCrawler(Connections connections, DomotzGateway gateway, FleetIndex index, FleetConfig config) {
        this.connections = connections;
        this.gateway = gateway;
        this.index = index;
        this.config = config;
    }

    @Scheduled(every = "${sitedeck.fleet.crawl-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            round();
        } catch (RuntimeException failed) {
            LOG.warnf("Fleet crawler round failed: %s", failed.toString());
        }
    }

    /** One round over every scope; returns the Domotz calls it spent. */
    public int round() {
        int spent = 0;
        for (DomotzTarget target : connections.backgroundTargets()) {
            if (spent >= config.callsPerRound()) {
                break;
            }
            spent += crawl(target, config.callsPerRound() - spent);
        }
        return spent;
    }

    /** One crawl with the key of this scope, at most a round's calls: what it spent (0 without such a key). */
    public int crawlScope(String scope) {
        return connections.backgroundTargets().stream().filter(t -> t.indexScope().equals(scope)).findFirst()
                .map(t -> crawl(t, config.callsPerRound())).orElse(0);
    }

    int crawl(DomotzTarget target, int most) {
        String scope = target.indexScope();
        Calls calls = new Calls(most);
        try {
            if (gateway.crawlBudget(target)) {
                calls.spent++;
            }
            if (sitesDue(scope)) {
                readSites(target, scope, calls);
            }
            Map<Integer, String> types = typeNames(target, calls);
            while (calls.mayCall(target)) {
                Optional<FleetSite> next = claimOldest(scope);
                if (next.isEmpty()) {
                    break;
                }
                readDevices(target, next.get(), types, calls);
            }
        } catch (DomotzException.QuotaExceeded paused) {
            LOG.debugf("Fleet crawler stopped for a key: %s", paused.getMessage());
        } catch (DomotzException failed) {
            LOG.debugf("Fleet crawler could not read with a key: %s", failed.getMessage());
        }
        return calls.spent;
    }

    private final class Calls {
        final int most;
        int spent;

        Calls(int most) {
            this.most = most;
        }

        boolean mayCall(DomotzTarget target) {
            return spent < most && gateway.crawlerCallsLeft(target, config.budgetShare()) >= 1;
        }

        <T> T spend(Crawled<T> read) {
            if (read.called()) {
                spent++;
            }
            return read.value();
        }
    }

    /** The scope's list of sites is read again when none is indexed or the newest is older than refresh-after. */
    private boolean sitesDue(String scope) {
        Instant newest = QuarkusTransaction.requiringNew().call(() -> FleetSite.getEntityManager()
                .createQuery("select max(s.asOf) from FleetSite s where s.scope = ?1 and s.source <> ?2", Instant.class)
                .setParameter(1, scope).setParameter(2, FleetSource.WEBHOOK).getSingleResult());
        return newest == null || newest.isBefore(clock.instant().minus(config.refreshAfter()));
    }

    private void readSites(DomotzTarget target, String scope, Calls calls) {
        Set<Integer> seen = new HashSet<>();
        for (int page = 0; ; page++) {
            if (!calls.mayCall(target)) {
                return;
            }
            Crawled<List<Agent>> read = gateway.crawlAgents(target, page);
            List<Agent> agents = calls.spend(read);
            index.sitesRead(scope, agents, read.fetchedAt(), FleetSource.CRAWL);
            agents.forEach(agent -> seen.add(agent.id()));
            if (agents.size() < SITES_PAGE) {
                break;
            }
        }
        // Only a whole list says which sites are gone.
        index.sitesGoneExcept(scope, seen);
    }

    private Map<Integer, String> typeNames(DomotzTarget target, Calls calls) {
        return calls.mayCall(target) ? FleetRows.typeNames(calls.spend(gateway.crawlBaseTypes(target))) : Map.of();
    }

    private void readDevices(DomotzTarget target, FleetSite site, Map<Integer, String> types, Calls calls) {
        try {
            Crawled<List<Device>> read = gateway.crawlDevices(target, site.agentId);
            List<Device> devices = calls.spend(read);
            index.devicesRead(site.scope, site.agentId, Optional.empty(), FleetFeeds.visible(devices), types,
                    read.fetchedAt(), FleetSource.CRAWL);
            release(site, null);
        } catch (DomotzException.QuotaExceeded paused) {
            release(site, null);
            throw paused;
        } catch (DomotzException refused) {
            // A site this key may list but not read (403), or gone: not again before refresh-after.
            calls.spent++;
            release(site, clock.instant().plus(config.refreshAfter()));
        }
    }

    /**
     * Claims the site of the scope whose device index is oldest (never read first), among those not
     * claimed by another instance: an UPDATE that only one instance's transaction can win.
     */
    private Optional<FleetSite> claimOldest(String scope) {
        Instant now = clock.instant();
        Instant due = now.minus(config.refreshAfter());
        return QuarkusTransaction.requiringNew().call(() -> {
            List<FleetSite> candidates = FleetSite.<FleetSite>find("scope = ?1 and (devicesAsOf is null or devicesAsOf < ?2)"
                            + " and (crawlClaimedUntil is null or crawlClaimedUntil < ?3) order by devicesAsOf nulls first, agentId",
                    scope, due, now).page(0, 5).list();
            for (FleetSite candidate : candidates) {
                int won = FleetSite.update("crawlClaimedBy = ?1, crawlClaimedUntil = ?2 where id = ?3"
                                + " and (crawlClaimedUntil is null or crawlClaimedUntil < ?4)",
                        instance, now.plus(config.claimFor()), candidate.id, now);
                if (won == 1) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        });
    }

    /** Lets go of a claim; {@code until} keeps it (a site that refused) until then. */
    private void release(FleetSite site, Instant until) {
        QuarkusTransaction.requiringNew().run(() -> FleetSite.update(
                "crawlClaimedBy = ?1, crawlClaimedUntil = ?2 where id = ?3 and crawlClaimedBy = ?4",
                until == null ? null : instance, until, site.id, instance));
    }
}
