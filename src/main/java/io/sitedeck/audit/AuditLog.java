package io.sitedeck.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Writes the audit log. Each record commits in its own transaction, so a refusal is recorded
 * even when the request that caused it fails. Never pass secrets (keys, passwords) in here.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    Clock clock;

    private final CurrentVertxRequest request;

    AuditLog(CurrentVertxRequest request) {
        this.request = request;
    }

    /** Records an action of the current HTTP request, with its client address. */
    public void record(Long tenantId, String actor, String action, String target, String outcome) {
        record(tenantId, actor, action, target, outcome, clientIp());
    }

    public void record(Long tenantId, String actor, String action, String target, String outcome, String clientIp) {
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEvent event = new AuditEvent();
            event.tenantId = tenantId;
            event.occurredAt = clock.instant();
            event.actor = clip(actor, 254);
            event.action = clip(action, 60);
            event.target = target == null ? null : clip(target, 300);
            event.outcome = clip(outcome, 300);
            event.clientIp = clientIp == null ? null : clip(clientIp, 64);
            event.persist();
        });
    }

    private String clientIp() {
        try {
            RoutingContext current = request.getCurrent();
            return current == null || current.request().remoteAddress() == null ? null
                    : current.request().remoteAddress().hostAddress();
        } catch (ContextNotActiveException outsideARequest) {
            return null;
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
