package io.sitedeck.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.sandbox.EmbeddedSandbox;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * First run: while nobody has an account, this page creates the first tenant and its admin, and
 * (with the embedded sandbox on) a ready "Sandbox" connection. It needs the one-time token the
 * start-up banner prints ({@link SetupToken}); two set-ups at once cannot both win (the first-run
 * row is claimed in the same transaction). Afterwards it only points to sign-in.
 */
@Path("/setup")
@Produces(MediaType.TEXT_HTML)
public class SetupResource {

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(SetupForm form, Map<String, String> problems, boolean sandboxOffered,
                                             String token);

        static native TemplateInstance needsToken(boolean wrongToken);
    }

    /** What was typed, to show again after a refusal (never the password). */
    public record SetupForm(String organization, String email, boolean sandbox) {}

    private final EmbeddedSandbox sandbox;
    private final KeyVault vault;
    private final AuditLog audit;
    private final SetupToken setupToken;

    SetupResource(EmbeddedSandbox sandbox, KeyVault vault, AuditLog audit, SetupToken setupToken) {
        this.sandbox = sandbox;
        this.vault = vault;
        this.audit = audit;
        this.setupToken = setupToken;
    }

    @GET
    public Object show(@QueryParam("token") String token) {
        if (AppUser.count() > 0) {
            return Response.seeOther(URI.create("/login")).build();
        }
        if (!setupToken.matches(token)) {
            return Response.status(token == null ? 200 : 403).entity(Templates.needsToken(token != null)).build();
        }
        return Templates.setup(new SetupForm("", "", true), Map.of(), sandbox.demoKey().isPresent(), token);
    }

    @POST
    public Object create(@RestForm String token, @RestForm String organization, @RestForm String email,
                         @RestForm String password, @RestForm String confirmation, @RestForm String sandboxConnection) {
        if (AppUser.count() > 0) {
            return Response.seeOther(URI.create("/login")).build();
        }
        if (!setupToken.matches(token)) {
            return Response.status(403).entity(Templates.needsToken(true)).build();
        }
        boolean withSandbox = sandboxConnection != null && sandbox.demoKey().isPresent();
        SetupForm form = new SetupForm(organization == null ? "" : organization.trim(), AppUser.normalise(email),
                withSandbox);
        Map<String, String> problems = new LinkedHashMap<>();
        if (form.organization().isEmpty() || form.organization().length() > 120) {
            problems.put("organization", "Name your organization (1 to 120 characters).");
        }
        if (!Emails.valid(form.email())) {
            problems.put("email", "Enter a valid email address.");
        }
        String passwordProblem = Passwords.problemWith(password, confirmation);
        if (passwordProblem != null) {
            problems.put("password", passwordProblem);
        }
        if (!problems.isEmpty()) {
            return Response.status(400).entity(Templates.setup(form, problems, sandbox.demoKey().isPresent(), token))
                    .build();
        }
        String hash = Passwords.hash(password);
        boolean won;
        try {
            QuarkusTransaction.requiringNew().run(() -> createFirstAdmin(form, hash));
            won = true;
        } catch (PersistenceException | QuarkusTransactionException anotherSetupWon) {
            won = false; // the first-run row was claimed by a set-up that committed first
        }
        return Response.seeOther(URI.create(won ? "/login?welcome" : "/login")).build();
    }

    private void createFirstAdmin(SetupForm form, String passwordHash) {
        AppUser.getEntityManager().createNativeQuery("INSERT INTO first_run (id, claimed_at) VALUES (1, ?1)")
                .setParameter(1, clock.instant()).executeUpdate();
        Tenant tenant = Tenant.create(form.organization(), clock.instant());
        Person person = Person.create(form.email(), clock.instant());
        person.passwordHash = passwordHash;
        person.operator = true; // whoever sets the install up operates it (and can name more operators)
        AppUser admin = AppUser.create(tenant.id, person, Role.ADMIN, clock.instant());
        admin.joinedAt = clock.instant();
        if (form.sandbox()) {
            sandboxConnection(tenant, admin);
        }
        audit.record(tenant.id, admin.email, "setup", tenant.name, "ok: first admin " + admin.email
                + (form.sandbox() ? " with a sandbox connection" : ""));
    }

    private void sandboxConnection(Tenant tenant, AppUser admin) {
        String key = sandbox.demoKey().orElseThrow();
        DomotzConnection connection = new DomotzConnection();
        connection.tenantId = tenant.id;
        connection.userId = admin.id;
        connection.name = "Sandbox";
        connection.baseUrl = DomotzConnection.EMBEDDED_SANDBOX;
        connection.keyCiphertext = vault.encrypt(key);
        connection.keyLast4 = key.substring(key.length() - 4);
        connection.isDefault = true;
        connection.createdAt = clock.instant();
        connection.persist();
    }
}
