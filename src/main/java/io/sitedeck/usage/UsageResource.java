package io.sitedeck.usage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Connections;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.ApiUsage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/**
 * Today's Domotz API usage of each of the member's connections: used against the daily limit, by
 * key, IP and resource (from /meta/usage, one call each, cached a minute), and how much of it
 * Sitedeck itself spent; a warning when a fifth or less of the budget is left.
 */
@Path("/usage")
public class UsageResource {

    /** One connection's figures, or the reason there are none. */
    public record Row(DomotzConnection connection, ApiUsage usage, int sitedeckCalls, int crawlerCalls, String problem) {
        public boolean low() {
            return usage != null && usage.dailyLimit() != null && usage.dailyLimit() > 0
                    && usage.remaining() * 5 <= usage.dailyLimit();
        }

        public int percentUsed() {
            return usage == null || usage.dailyLimit() == null || usage.dailyLimit() == 0 ? 0
                    : (int) Math.min(100, 100L * usage.dailyUsage() / usage.dailyLimit());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance usage(List<Row> rows);
    }

    private final CurrentUser user;
    private final Connections connections;
    private final DomotzGateway gateway;

    UsageResource(CurrentUser user, Connections connections, DomotzGateway gateway) {
        this.user = user;
        this.connections = connections;
        this.gateway = gateway;
    }

    @GET
    public TemplateInstance usage() {
        return Templates.usage(DomotzConnection.of(user).stream().map(this::row).toList());
    }

    private Row row(DomotzConnection connection) {
        DomotzTarget target = connections.target(connection);
        try {
            ApiUsage usage = gateway.apiUsageInfo(target);
            return new Row(connection, usage, gateway.sitedeckCallsToday(target), gateway.budget(target).crawlerToday(), null);
        } catch (DomotzException failure) {
            return new Row(connection, null, gateway.sitedeckCallsToday(target), gateway.budget(target).crawlerToday(),
                    failure.explanation());
        }
    }
}
