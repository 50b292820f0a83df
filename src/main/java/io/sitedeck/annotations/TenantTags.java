package io.sitedeck.annotations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tags in use in each tenant, for the notes form's autocompletion. Finding them reads every
 * tagged annotation of the tenant, which no page view should pay for (a tenant with thousands of
 * tagged devices would read thousands of rows per device page): they are read at most once per
 * {@link #FRESH_FOR} per tenant and instance, and again after a save or delete on this instance.
 * On another instance a new tag joins the suggestions within that time; it is only a suggestion.
 */
@ApplicationScoped
public class TenantTags {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private record Read(List<String> tags, Instant at) {}

    private final Map<Long, Read> byTenant = new ConcurrentHashMap<>();
    private final EntityManager entities;
    private final Clock clock;

    TenantTags(EntityManager entities, Clock clock) {
        this.entities = entities;
        this.clock = clock;
    }

    public List<String> of(long tenantId) {
        Instant now = clock.instant();
        Read read = byTenant.get(tenantId);
        if (read == null || !now.isBefore(read.at().plus(FRESH_FOR))) {
            read = new Read(load(tenantId), now);
            byTenant.put(tenantId, read);
        }
        return read.tags();
    }

    /** The tenant's annotations changed here: the next form reads the tags again. */
    void changed(long tenantId) {
        byTenant.remove(tenantId);
    }

    private List<String> load(long tenantId) {
        List<String> rows = entities.createQuery(
                "select distinct a.tags from Annotation a where a.tenantId = ?1 and a.tags <> ''", String.class)
                .setParameter(1, tenantId).getResultList();
        TreeSet<String> tags = new TreeSet<>();
        rows.forEach(row -> tags.addAll(List.of(row.split(" "))));
        return List.copyOf(tags);
    }
}
