package io.sitedeck.account.factor;

import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.Person;
import io.sitedeck.audit.AuditLog;
import io.vertx.ext.web.RoutingContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Giving the second factor after the password (an authenticator app's code or a recovery code,
 * throttled like passwords), and setting one up: at a tenant's demand right after sign-in, or by
 * choice from the user menu. Every enrolment, use of a recovery code and failure is audited.
 */
@Path("/second-factor")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SecondFactorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(String problem);

        static native TemplateInstance enrol(boolean enrolled, boolean required, String secret, String uri,
                                             long recoveryLeft, String problem, List<Passkey> passkeys);

        static native TemplateInstance recoveryCodes(List<String> codes);
    }

    private final CurrentUser user;
    private final SecondFactors factors;
    private final FactorGate gate;
    private final AuditLog audit;

    SecondFactorResource(CurrentUser user, SecondFactors factors, FactorGate gate, AuditLog audit) {
        this.user = user;
        this.factors = factors;
        this.gate = gate;
        this.audit = audit;
    }

    @GET
    public Object verifyPage() {
        return user.factorPending() ? Templates.verify(null) : Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Path("totp")
    @Transactional
    public Response totp(@RestForm String code, RoutingContext http) {
        return give(http, "authenticator app", person -> factors.verify(person, code));
    }

    @POST
    @Path("recovery")
    @Transactional
    public Response recovery(@RestForm String code, RoutingContext http) {
        return give(http, "recovery code", person -> factors.useRecoveryCode(person, code));
    }

    @GET
    @Path("enrol")
    @Transactional
    public TemplateInstance enrolPage() {
        return enrolPage(null);
    }

    /** The pending secret as a QR code for the app to scan (the same secret is shown as text too). */
    @GET
    @Path("enrol/qr.png")
    @Produces("image/png")
    @Transactional
    public Response qr() {
        Person person = person();
        if (person.secondFactor) {
            return Response.status(404).build();
        }
        QrData data = new QrData.Builder().label(person.email).secret(factors.pendingSecret(person)).issuer("Sitedeck")
                .digits(6).period(30).build();
        try {
            return Response.ok(new ZxingPngQrGenerator().generate(data)).header("Cache-Control", "no-store").build();
        } catch (QrGenerationException failed) {
            return Response.status(500).build();
        }
    }

    @POST
    @Path("enrol/totp")
    @Transactional
    public Response confirm(@RestForm String code) {
        Person person = person();
        if (person.secondFactor) {
            return Response.seeOther(URI.create("/second-factor/enrol")).build();
        }
        return factors.confirm(person, code).map(codes -> {
            audit.record(user.tenantId(), user.email(), "second-factor.enrol", user.email(), "ok: authenticator app");
            return Response.ok(Templates.recoveryCodes(codes)).header("Cache-Control", "no-store").build();
        }).orElseGet(() -> {
            audit.record(user.tenantId(), user.email(), "second-factor.enrol", user.email(), "failed: wrong code");
            return Response.status(400).entity(enrolPage("That code is not right: check the app's clock, and type the "
                    + "code it shows now.")).build();
        });
    }

    @POST
    @Path("recovery-codes")
    @Transactional
    public Response newRecoveryCodes() {
        Person person = person();
        if (!person.secondFactor || user.factorPending()) {
            return Response.status(409).entity("Set up an authenticator app first.").type(MediaType.TEXT_PLAIN).build();
        }
        audit.record(user.tenantId(), user.email(), "second-factor.recovery-codes", user.email(), "ok: ten new codes");
        return Response.ok(Templates.recoveryCodes(factors.newRecoveryCodes(person))).header("Cache-Control", "no-store")
                .build();
    }

    private Response give(RoutingContext http, String kind, java.util.function.Predicate<Person> check) {
        if (!user.factorPending()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return gate.attempt(http, kind, check)
                .map(problem -> Response.status(problem.startsWith("Too many") ? 429 : 400)
                        .entity(Templates.verify(problem)).build())
                .orElseGet(() -> Response.seeOther(URI.create("/")).build());
    }

    private TemplateInstance enrolPage(String problem) {
        Person person = person();
        if (person.secondFactor) {
            return Templates.enrol(true, false, null, null, factors.recoveryCodesLeft(person), problem,
                    Passkey.list("personId = ?1 order by createdAt", person.id));
        }
        String secret = factors.pendingSecret(person);
        return Templates.enrol(false, user.mustEnrol(), secret, Totp.uri(person.email, secret), 0, problem, List.of());
    }

    private Person person() {
        return Person.findById(user.personId());
    }
}
