package io.sitedeck.events;

import io.sitedeck.account.Connections;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.domotz.DomotzTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Domotz targets of a tenant's connections, one per cell and Domotz user (the cache's scope):
 * where a webhook's news belongs. Resolving the embedded sandbox needs the current request.
 */
@ApplicationScoped
class TenantTargets {

    private final Connections connections;

    TenantTargets(Connections connections) {
        this.connections = connections;
    }

    @Transactional
    List<DomotzTarget> of(long tenantId) {
        Map<String, DomotzTarget> distinct = new LinkedHashMap<>();
        for (DomotzConnection connection : DomotzConnection.<DomotzConnection>list("tenantId", tenantId)) {
            DomotzTarget target = connections.target(connection);
            distinct.putIfAbsent(target.baseUrl() + "|" + target.cacheScope(), target);
        }
        return List.copyOf(distinct.values());
    }
}
