package io.sitedeck.events;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.sitedeck.shared.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.sitedeck.domotz.DomotzTarget;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenants' received webhook events: stored once each, read newest first, deleted after the retention. */
@ApplicationScoped
public class EventStore {

    @Inject
    Clock clock;

    private final MaintenanceCheck maintenance;
    private final Event<EventStored> stored;

    EventStore(MaintenanceCheck maintenance, Event<EventStored> stored) {
        this.maintenance = maintenance;
        this.stored = stored;
    }

    /** One page of events and whether there is a next one. */
    public record Slice(List<EventView> events, int page, boolean more) {}

    /**
     * Stores the event for the tenant, unless the same event (same canonical body) is already
     * there: then answers empty. Runs in its own transaction, so a re-delivery racing the first
     * delivery loses on the unique key and is answered as a duplicate too.
     */
    public Optional<EventView> store(long tenantId, WebhookEvent event, String agentName, String deviceName, boolean vital,
                                     List<DomotzTarget> targets) {
        String digest = Secrets.sha256Hex(event.canonicalBody());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (isStored(tenantId, digest)) {
                    return Optional.<EventView>empty();
                }
                StoredEvent stored = new StoredEvent();
                stored.tenantId = tenantId;
                stored.name = event.kind().wireName();
                stored.agentId = event.agentId();
                stored.deviceId = event.deviceId();
                stored.agentName = cut(agentName);
                stored.deviceName = cut(deviceName);
                stored.state = event.state();
                stored.summary = event.summary().length() > 500 ? event.summary().substring(0, 499) + "…" : event.summary();
                stored.occurredAt = event.at();
                stored.inMaintenance = event.agentId() != null
                        && maintenance.covers(tenantId, event.agentId(), event.deviceId(), event.at());
                stored.receivedAt = clock.instant();
                stored.body = event.canonicalBody();
                stored.digest = digest;
                stored.persistAndFlush();
                this.stored.fire(new EventStored(tenantId, stored.id, event, stored.agentName, stored.deviceName, vital,
                        targets));
                return Optional.of(EventView.of(stored));
            });
        } catch (RuntimeException failed) {
            // The unique key: the same event, stored by a delivery that raced this one. Anything
            // else is a real failure, answered 500, and Domotz delivers the event again.
            if (QuarkusTransaction.requiringNew().call(() -> isStored(tenantId, digest))) {
                return Optional.empty();
            }
            throw failed;
        }
    }

    private static boolean isStored(long tenantId, String digest) {
        return StoredEvent.count("tenantId = ?1 and digest = ?2", tenantId, digest) > 0;
    }

    @Transactional
    public Slice page(long tenantId, EventFilter filter, int pageSize) {
        int offset = (filter.page() - 1) * pageSize;
        // One more than a page: whether there is a next page, without counting them all.
        PanacheQuery<StoredEvent> query = query(tenantId, filter).range(offset, offset + pageSize);
        List<EventView> events = new ArrayList<>(query.list().stream().map(EventView::of).toList());
        boolean more = events.size() > pageSize;
        return new Slice(more ? events.subList(0, pageSize) : events, filter.page(), more);
    }

    /** Every event the filter matches (the CSV export), newest first, at most {@code limit}. */
    @Transactional
    public List<EventView> all(long tenantId, EventFilter filter, int limit) {
        return query(tenantId, filter).page(Page.ofSize(limit)).list().stream().map(EventView::of).toList();
    }

    /** The tenant's events after {@code afterId}, oldest first: what a reconnecting browser missed. */
    @Transactional
    public List<EventView> after(long tenantId, long afterId, int limit) {
        return StoredEvent.<StoredEvent>find("tenantId = ?1 and id > ?2", Sort.ascending("id"), tenantId, afterId)
                .page(Page.ofSize(limit)).list().stream().map(EventView::of).toList();
    }

    /**
     * The newest event id of the tenant (0 when none): pages start their live stream after it. Read
     * by every signed-in page (LiveStart), so with the request's session and no transaction of its
     * own: a JTA transaction and a fresh session around this one query were ~6 % of a page's shell.
     */
    public long latestId(long tenantId) {
        Long latest = StoredEvent.getEntityManager()
                .createQuery("select max(e.id) from StoredEvent e where e.tenantId = ?1", Long.class)
                .setParameter(1, tenantId).getSingleResult();
        return latest == null ? 0 : latest;
    }

    /** When the tenant's newest event came in; null when none has. */
    @Transactional
    public Instant lastReceived(long tenantId) {
        return StoredEvent.getEntityManager()
                .createQuery("select max(e.receivedAt) from StoredEvent e where e.tenantId = ?1", Instant.class)
                .setParameter(1, tenantId).getSingleResult();
    }

    /** Deletes events received before the cut-off, for every tenant; answers how many. */
    @Transactional
    public long deleteReceivedBefore(Instant cutoff) {
        return StoredEvent.delete("receivedAt < ?1", cutoff);
    }

    private static PanacheQuery<StoredEvent> query(long tenantId, EventFilter filter) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (filter.site() != null) {
            where.append(" and agentId = :site");
            params.put("site", filter.site());
        }
        if (filter.device() != null) {
            where.append(" and deviceId = :device");
            params.put("device", filter.device());
        }
        if (filter.type() != null) {
            where.append(" and name = :type");
            params.put("type", filter.type());
        }
        if (filter.from() != null) {
            where.append(" and occurredAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and occurredAt <= :to");
            params.put("to", filter.to());
        }
        return StoredEvent.find(where.toString(), Sort.descending("occurredAt", "id"), params);
    }

    private static String cut(String name) {
        return name == null || name.length() <= 300 ? name : name.substring(0, 300);
    }
}
