package io.sitedeck.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Connections;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every Domotz mutation of the console runs: with the member's connection in use, at most
 * once per one-time token (when the form has one), audited with who, what, target and the
 * upstream result, and with Domotz's refusal told plainly instead of the success answer.
 */
@ApplicationScoped
public class DomotzActions {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance done(String message);
    }

    private final CurrentUser user;
    private final ConsoleContext console;
    private final Connections connections;
    private final AuditLog audit;
    private final OnceOnly once;

    DomotzActions(CurrentUser user, ConsoleContext console, Connections connections, AuditLog audit, OnceOnly once) {
        this.user = user;
        this.console = console;
        this.connections = connections;
        this.audit = audit;
        this.once = once;
    }

    /** A mutation that answers nothing: {@code then} builds the success response. */
    public Response run(String action, String subject, String what, String onceToken, Consumer call,
                        Supplier<Response> then) {
        return call(action, subject, what, onceToken, target -> {
            call.accept(target);
            return then.get();
        });
    }

    /** A mutation whose answer the success response shows. */
    public Response call(String action, String subject, String what, String onceToken,
                         Function<DomotzTarget, Response> call) {
        DomotzConnection connection = console.requiredConnection();
        String target = subject + " via " + connection.name;
        if (onceToken != null && !once.first(user.id(), onceToken)) {
            audit.record(user.tenantId(), user.email(), action, target, "ignored: repeated submit of " + what);
            return refused(409, "This was already done (the form was sent twice). Reload the page to see the result.");
        }
        try {
            Response done = call.apply(connections.target(connection));
            audit.record(user.tenantId(), user.email(), action, target, "ok: " + what);
            return done;
        } catch (DomotzException failure) {
            audit.record(user.tenantId(), user.email(), action, target, "failed: " + what + ": " + failure.explanation());
            return refused(failure.status() == 0 ? 502 : failure.status() == 404 ? 404 : 409,
                    "Domotz refused: " + failure.getMessage());
        }
    }

    /** The member's connection in use, for the reads around a mutation. */
    public DomotzTarget target() {
        return connections.target(console.requiredConnection());
    }

    /** A mutation's outcome for htmx: a short status line, escaped, with the event panels listen for. */
    public static Response done(String message, String event) {
        return Response.ok(Templates.done(message)).type(MediaType.TEXT_HTML).header("HX-Trigger", event).build();
    }

    public static Response refused(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(message).build();
    }

    /** A Domotz call that answers nothing. */
    @FunctionalInterface
    public interface Consumer {
        void accept(DomotzTarget target);
    }
}
