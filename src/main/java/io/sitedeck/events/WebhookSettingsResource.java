package io.sitedeck.events;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.platform.PublicUrl;
import io.sitedeck.shared.Ago;
import io.sitedeck.web.Htmx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * The tenant's webhook URL on the Alerts page (loaded after it; a page of its own without
 * JavaScript): admins see it with the Domotz set-up steps and can replace it; others see that it
 * exists and when the last event came in.
 */
@Path("/alerts/webhook")
public class WebhookSettingsResource {

    @Inject
    Clock clock;

    /** What the panel shows; {@code url} only for admins. */
    public record WebhookView(String url, boolean admin, String lastReceived, boolean regenerated) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhook(WebhookView view);

        static native TemplateInstance webhook$panel(WebhookView view);
    }

    private final CurrentUser user;
    private final WebhookTokens tokens;
    private final EventStore store;
    private final AuditLog audit;
    private final PublicUrl publicUrl;

    WebhookSettingsResource(CurrentUser user, WebhookTokens tokens, EventStore store, AuditLog audit,
                            PublicUrl publicUrl) {
        this.user = user;
        this.tokens = tokens;
        this.store = store;
        this.audit = audit;
        this.publicUrl = publicUrl;
    }

    @GET
    public Response show(@Context HttpHeaders headers) {
        WebhookView view = view(user.admin() ? tokens.tokenOf(user.tenantId()) : null, false);
        return Htmx.pageOrFragment(headers, 200, Templates.webhook(view), Templates.webhook$panel(view));
    }

    /** A new URL; the old one answers 404 from now on. */
    @POST
    @Path("regenerate")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response regenerate(@Context HttpHeaders headers) {
        String token = tokens.regenerate(user.tenantId());
        audit.record(user.tenantId(), user.email(), "webhook.regenerate", "webhook URL", "ok");
        if (!Htmx.requested(headers)) {
            return Response.seeOther(URI.create("/alerts/webhook")).build();
        }
        return Response.ok(Templates.webhook$panel(view(token, true))).type("text/html;charset=UTF-8").build();
    }

    private WebhookView view(String token, boolean regenerated) {
        String url = token == null ? null
                : publicUrl.of(WebhookTokens.PATH + token);
        Instant last = store.lastReceived(user.tenantId());
        return new WebhookView(url, user.admin(), last == null ? null : Ago.since(last, clock.instant()) + " ago", regenerated);
    }
}
