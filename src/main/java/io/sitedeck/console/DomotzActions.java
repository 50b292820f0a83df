package io.sitedeck.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.shared.BadInput;
import io.sitedeck.web.Htmx;
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
    private final AuditLog audit;
    private final OnceOnly once;

    DomotzActions(CurrentUser user, ConsoleContext console, AuditLog audit, OnceOnly once) {
        this.user = user;
        this.console = console;
        this.audit = audit;
        this.once = once;
    }

    /** A mutation that answers nothing: {@code then} builds the success response. */
    public Response run(String action, String subject, String what, DomotzCall call, Supplier<Response> then) {
        return perform(null, action, subject, what, answering(call, then));
    }

    /** The same, at most once per one-time token of the form (power, hide, delete: a double submit does nothing). */
    public Response runOnce(String token, String action, String subject, String what, DomotzCall call,
                            Supplier<Response> then) {
        return perform(requiredToken(token), action, subject, what, answering(call, then));
    }

    /** A mutation whose answer the success response shows. */
    public Response call(String action, String subject, String what, Function<DomotzTarget, Response> call) {
        return perform(null, action, subject, what, call);
    }

    /** The same, at most once per one-time token. */
    public Response callOnce(String token, String action, String subject, String what,
                             Function<DomotzTarget, Response> call) {
        return perform(requiredToken(token), action, subject, what, call);
    }

    /**
     * Refuses the change from inside a call, before Domotz is asked to make it (e.g. the list the
     * person confirmed is no longer what Domotz would change): answered with {@code status} and the
     * message, audited as refused.
     */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String why;

        public Refused(int status, String message, String why) {
            super(message, null, false, false);
            this.status = status;
            this.why = why;
        }
    }

    private Response perform(String onceToken, String action, String subject, String what,
                             Function<DomotzTarget, Response> call) {
        DomotzConnection connection = console.requiredConnection();
        String target = subject + " via " + connection.name;
        if (onceToken != null && !once.first(user.id(), onceToken)) {
            audit.record(user.tenantId(), user.email(), action, target, "ignored: repeated submit of " + what);
            return refused(409, "This was already done (the form was sent twice). Reload the page to see the result.");
        }
        try {
            Response done = call.apply(console.target());
            audit.record(user.tenantId(), user.email(), action, target, "ok: " + what);
            return done;
        } catch (Refused refusal) {
            audit.record(user.tenantId(), user.email(), action, target, "refused: " + refusal.why);
            return refused(refusal.status, refusal.getMessage());
        } catch (DomotzException failure) {
            audit.record(user.tenantId(), user.email(), action, target, "failed: " + what + ": " + failure.explanation());
            return refused(failure.status() == 0 ? 502 : failure.status() == 404 ? 404 : 409,
                    "Domotz refused: " + failure.getMessage());
        }
    }

    /** A form without its one-time token is malformed (not "already done"): a 400 that says what to do. */
    private static String requiredToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new BadInput("This form is missing its one-time token: reload the page and send it again.");
        }
        return token;
    }

    private static Function<DomotzTarget, Response> answering(DomotzCall call, Supplier<Response> then) {
        return target -> {
            call.accept(target);
            return then.get();
        };
    }

    /** The member's connection in use, for the reads around a mutation. */
    public DomotzTarget target() {
        return console.target();
    }

    /** A mutation's outcome for htmx: a short status line, escaped, with the event panels listen for. */
    public static Response done(String message, String event) {
        return Response.ok(Templates.done(message)).type(MediaType.TEXT_HTML).header(Htmx.TRIGGER, event).build();
    }

    public static Response refused(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(message).build();
    }

    /** A Domotz call that answers nothing. */
    @FunctionalInterface
    public interface DomotzCall {
        void accept(DomotzTarget target);
    }
}
