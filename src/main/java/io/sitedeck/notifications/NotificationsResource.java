package io.sitedeck.notifications;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Role;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.events.EventKind;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.shared.BadInput;
import io.sitedeck.shared.Missing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The tenant's notification channels (issue #19): listed for technicians and admins, added, tested and switched off
 * by admins, audited. A channel's target and secret are never shown again, only their masked hint.
 */
@Path("/notifications")
@RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
public class NotificationsResource {

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(Page page);
    }

    public record ChannelRow(long id, String name, String kind, String hint, boolean active) {
    }

    public record Page(List<ChannelRow> channels, List<Rules.Row> rules, List<ChannelKind> kinds,
                       List<EventKind> eventKinds, boolean admin, String notice, String problem) {
    }

    private final CurrentUser user;
    private final Channels channels;
    private final Deliveries deliveries;
    private final Rules rules;
    private final AuditLog audit;

    NotificationsResource(CurrentUser user, Channels channels, Deliveries deliveries, Rules rules, AuditLog audit) {
        this.user = user;
        this.channels = channels;
        this.deliveries = deliveries;
        this.rules = rules;
        this.audit = audit;
    }

    /**
     * What a finished form says after its redirect: a fixed text chosen by a code, never text from the URL (a link
     * could otherwise make the page say anything).
     */
    enum Done {
        CHANNEL("Channel added."), CHANNEL_OFF("Channel switched off; what it had still to send is cancelled."),
        RULE("Rule added."), RULE_OFF("Rule switched off.");

        final String text;

        Done(String text) {
            this.text = text;
        }
    }

    @GET
    public TemplateInstance page(@QueryParam("done") String done) {
        String notice = Arrays.stream(Done.values()).filter(d -> d.name().equals(done)).findFirst().map(d -> d.text)
                .orElse(null);
        return page(notice, null);
    }

    private TemplateInstance page(String notice, String problem) {
        List<ChannelRow> rows = NotificationChannel.ofTenant(user.tenantId()).stream()
                .map(c -> new ChannelRow(c.id, c.name, c.kind.label(), c.targetHint, c.active)).toList();
        return Templates.notifications(new Page(rows, rules.rows(user.tenantId()), Arrays.asList(ChannelKind.values()),
                Arrays.asList(EventKind.values()), user.admin(), notice, problem));
    }

    @POST
    @Path("channels")
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response addChannel(@RestForm String name, @RestForm String kind, @RestForm String target,
                               @RestForm String secret) {
        NotificationChannel channel = new NotificationChannel();
        channel.tenantId = user.tenantId();
        channel.name = name == null ? "" : name.strip();
        if (channel.name.isEmpty() || channel.name.length() > 120) {
            throw new BadInput("A channel's name is 1 to 120 characters.");
        }
        channel.kind = ChannelKind.of(kind).orElseThrow(() -> new BadInput("Choose e-mail, Teams, Slack or webhook."));
        channels.configure(channel, target, secret);
        channel.createdBy = user.email();
        channel.createdAt = clock.instant();
        channel.active = true;
        channel.persist();
        audit.record(user.tenantId(), user.email(), "notification.channel", "channel " + channel.id,
                "ok: " + channel.kind + " " + channel.targetHint);
        return back(Done.CHANNEL);
    }

    /** Sends a test message now and says how it went on the page it answers with (also in the delivery log). */
    @POST
    @Path("channels/{id}/test")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance test(@PathParam("id") String id) {
        NotificationChannel channel = QuarkusTransaction.requiringNew().call(() -> find(id));
        OutboxEntry entry = TestMessages.entry(channel, user.email(), clock.instant());
        String problem = null;
        try {
            deliveries.send(channel, TestMessages.rendered(entry, user.email()));
        } catch (RuntimeException failed) {
            problem = TestMessages.problem(failed);
        }
        String outcome = problem;
        QuarkusTransaction.requiringNew().run(() -> TestMessages.record(entry, outcome, clock.instant()));
        audit.record(user.tenantId(), user.email(), "notification.test", "channel " + channel.id,
                problem == null ? "ok" : "failed: " + problem);
        return problem == null ? page("Test sent to " + channel.name + ".", null)
                : page(null, "The test to " + channel.name + " failed: " + problem);
    }

    @POST
    @Path("channels/{id}/off")
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response switchOff(@PathParam("id") String id) {
        NotificationChannel channel = find(id);
        channel.active = false;
        audit.record(user.tenantId(), user.email(), "notification.channel-off", "channel " + channel.id, "ok: " + channel.name);
        return back(Done.CHANNEL_OFF);
    }

    private NotificationChannel find(String id) {
        return NotificationChannel.inTenant(user.tenantId(), AgentIds.parse(id))
                .orElseThrow(() -> new Missing("No such channel."));
    }

    static Response back(Done done) {
        return Response.seeOther(URI.create("/notifications?done=" + done.name())).build();
    }
}
