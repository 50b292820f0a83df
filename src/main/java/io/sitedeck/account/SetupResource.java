package io.sitedeck.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.sandbox.EmbeddedSandbox;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * First run: while nobody has an account, this page creates the first tenant and its admin, and
 * (with the embedded sandbox on) a ready "Sandbox" connection. Afterwards it only points to sign-in.
 */
@Path("/setup")
@Produces(MediaType.TEXT_HTML)
public class SetupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(SetupForm form, Map<String, String> problems, boolean sandboxOffered);
    }

    /** What was typed, to show again after a refusal (never the password). */
    public record SetupForm(String organization, String email, boolean sandbox) {}

    private final EmbeddedSandbox sandbox;
    private final KeyVault vault;
    private final AuditLog audit;

    SetupResource(EmbeddedSandbox sandbox, KeyVault vault, AuditLog audit) {
        this.sandbox = sandbox;
        this.vault = vault;
        this.audit = audit;
    }

    @GET
    public Object show() {
        if (AppUser.count() > 0) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Templates.setup(new SetupForm("", "", true), Map.of(), sandbox.demoKey().isPresent());
    }

    @POST
    @Transactional
    public Object create(@RestForm String organization, @RestForm String email, @RestForm String password,
                         @RestForm String confirmation, @RestForm String sandboxConnection) {
        if (AppUser.count() > 0) {
            return Response.seeOther(URI.create("/login")).build();
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
            return Response.status(400).entity(Templates.setup(form, problems, sandbox.demoKey().isPresent())).build();
        }
        Tenant tenant = Tenant.create(form.organization());
        AppUser admin = AppUser.create(tenant.id, form.email(), Role.ADMIN);
        admin.passwordHash = Passwords.hash(password);
        if (withSandbox) {
            sandboxConnection(tenant, admin);
        }
        audit.record(tenant.id, admin.email, "setup", tenant.name, "ok: first admin " + admin.email
                + (withSandbox ? " with a sandbox connection" : ""));
        return Response.seeOther(URI.create("/login?welcome")).build();
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
        connection.createdAt = java.time.Instant.now();
        connection.persist();
    }
}
