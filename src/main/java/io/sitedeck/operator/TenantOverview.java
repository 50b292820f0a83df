package io.sitedeck.operator;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.TemplateData;
import io.sitedeck.account.Tenant;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the operator's tenant list: counts and dates only. An operator operates the install;
 * no tenant's notes, events, members or connections appear here, only how many there are.
 */
@TemplateData
public record TenantOverview(long id, String name, boolean enabled, Instant createdAt, long members, long connections,
                             long events, Instant lastActivity) {

    /** Every tenant with its counts, in five grouped queries whatever the number of tenants. */
    static List<TenantOverview> all() {
        Map<Long, Long> members = counts("SELECT tenant_id, COUNT(*) FROM app_user GROUP BY tenant_id");
        Map<Long, Long> connections = counts("SELECT tenant_id, COUNT(*) FROM domotz_connection GROUP BY tenant_id");
        Map<Long, Long> events = counts("SELECT tenant_id, COUNT(*) FROM domotz_event GROUP BY tenant_id");
        Map<Long, Instant> activity = new HashMap<>();
        for (Object[] row : rows("SELECT tenant_id, MAX(occurred_at) FROM audit_event WHERE tenant_id IS NOT NULL"
                + " GROUP BY tenant_id")) {
            activity.put(((Number) row[0]).longValue(), toInstant(row[1]));
        }
        return Tenant.<Tenant>list("order by name").stream().map(tenant -> new TenantOverview(tenant.id, tenant.name,
                tenant.enabled, tenant.createdAt, members.getOrDefault(tenant.id, 0L),
                connections.getOrDefault(tenant.id, 0L), events.getOrDefault(tenant.id, 0L),
                activity.get(tenant.id))).toList();
    }

    private static Map<Long, Long> counts(String sql) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : rows(sql)) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql) {
        return Panache.getEntityManager().createNativeQuery(sql).getResultList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : null;
    }
}
