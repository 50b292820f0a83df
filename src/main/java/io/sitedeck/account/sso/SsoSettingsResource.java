package io.sitedeck.account.sso;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.KeyVault;
import io.sitedeck.account.Role;
import io.sitedeck.account.SecondFactorPolicy;
import io.sitedeck.account.Tenant;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.platform.PublicUrl;
import io.sitedeck.shared.BadInput;
import io.sitedeck.shared.Secrets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * An ADMIN's single sign-on settings: the tenant's OpenID Connect provider (secret sealed, shown as
 * its last four characters), the groups claim and role mappings, just-in-time members, the email
 * domains the sign-in page recognises, and switching password sign-in off — only once the provider
 * has signed an ADMIN in, and back on at any time, so configuration never locks a tenant out.
 */
@Path("/sign-in-settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class SsoSettingsResource {

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(SsoForm form, boolean configured, String secretHint, String link,
                                                boolean adminSignedIn, boolean passwordSignIn,
                                                List<SecondFactorPolicy> policies, SecondFactorPolicy policy,
                                                Map<String, String> problems, String notice);
    }

    /** What the form shows and sends back (never the secret). */
    public record SsoForm(String displayName, String issuerUrl, String clientId, String scopes, String groupsClaim,
                          String roleMappings, boolean createMembers, String emailDomains) {}

    private static final Map<String, String> NOTICES = Map.of("saved", "Saved. The provider's discovery document was read.",
            "passwords-off", "Password sign-in is off: members sign in with single sign-on.",
            "passwords-on", "Password sign-in is on again.", "removed", "Single sign-on removed.",
            "second-factor", "Second-factor rule saved: members it applies to are led through setting one up at their next click.");

    private final CurrentUser user;
    private final KeyVault vault;
    private final SsoGuard guard;
    private final AuditLog audit;
    private final PublicUrl publicUrl;

    SsoSettingsResource(CurrentUser user, KeyVault vault, SsoGuard guard, AuditLog audit, PublicUrl publicUrl) {
        this.user = user;
        this.vault = vault;
        this.guard = guard;
        this.audit = audit;
        this.publicUrl = publicUrl;
    }

    @GET
    @Transactional
    public TemplateInstance show(@QueryParam("done") String done) {
        return page(null, Map.of(), done == null ? null : NOTICES.get(done));
    }

    @POST
    @Transactional
    public Object save(@RestForm String displayName, @RestForm String issuerUrl, @RestForm String clientId,
                       @RestForm String clientSecret, @RestForm String scopes, @RestForm String groupsClaim,
                       @RestForm String roleMappings, @RestForm String createMembers, @RestForm String emailDomains) {
        SsoForm form = new SsoForm(clean(displayName, 80), clean(issuerUrl, 500), clean(clientId, 200),
                clean(scopes, 300), clean(groupsClaim, 100), roleMappings == null ? "" : roleMappings.trim(),
                createMembers != null, clean(emailDomains, 500).toLowerCase(java.util.Locale.ROOT));
        SsoProvider provider = SsoProvider.ofTenant(user.tenantId()).orElse(null);
        try {
            if (form.displayName().isEmpty() || form.issuerUrl().isEmpty() || form.clientId().isEmpty()
                    || form.groupsClaim().isEmpty()) {
                throw new BadInput("Give a name, the issuer URL, the client id and the groups claim.");
            }
            if (provider == null && (clientSecret == null || clientSecret.isBlank())) {
                throw new BadInput("Give the client secret.");
            }
            if (form.roleMappings().length() > 4000) {
                throw new BadInput("The role mappings are too long.");
            }
            RoleMappings mappings = RoleMappings.parse(form.roleMappings());
            SsoGuard.Discovered discovered = guard.discover(form.issuerUrl());
            if (provider == null) {
                provider = new SsoProvider();
                provider.tenantId = user.tenantId();
                provider.linkKey = Secrets.newToken();
            }
            provider.displayName = form.displayName();
            provider.issuerUrl = form.issuerUrl().replaceAll("/+$", "");
            provider.clientId = form.clientId();
            if (clientSecret != null && !clientSecret.isBlank()) {
                String secret = clientSecret.trim();
                provider.secretCiphertext = vault.encrypt(secret);
                provider.secretLast4 = secret.length() <= 4 ? "" : secret.substring(secret.length() - 4);
            }
            provider.scopes = form.scopes().isEmpty() ? "openid email profile" : form.scopes();
            provider.groupsClaim = form.groupsClaim();
            provider.roleMappings = mappings.text();
            provider.createMembers = form.createMembers();
            provider.emailDomains = form.emailDomains();
            provider.endSessionUrl = discovered.endSession().orElse(null);
            provider.updatedAt = clock.instant();
            provider.persist();
        } catch (BadInput refused) {
            audit.record(user.tenantId(), user.email(), "sso.save", form.issuerUrl(), "refused: " + refused.getMessage());
            return Response.status(400).entity(page(form, Map.of("sso", refused.getMessage()), null)).build();
        }
        audit.record(user.tenantId(), user.email(), "sso.save", provider.issuerUrl, "ok");
        return Response.seeOther(URI.create("/sign-in-settings?done=saved")).build();
    }

    /** Password sign-in off (only after SSO signed an ADMIN in) or on again. */
    @POST
    @Path("passwords")
    @Transactional
    public Object passwords(@RestForm String enabled) {
        boolean on = "true".equals(enabled);
        Tenant tenant = Tenant.findById(user.tenantId());
        SsoProvider provider = SsoProvider.ofTenant(user.tenantId()).orElse(null);
        if (!on && (provider == null || provider.adminSignedInAt == null)) {
            String why = "Password sign-in stays on until single sign-on has signed an admin of this organization in.";
            audit.record(user.tenantId(), user.email(), "sso.passwords", "off", "refused: " + why);
            return Response.status(409).entity(page(null, Map.of("passwords", why), null)).build();
        }
        tenant.passwordSignIn = on;
        audit.record(user.tenantId(), user.email(), "sso.passwords", on ? "on" : "off", "ok");
        return Response.seeOther(URI.create("/sign-in-settings?done=passwords-" + (on ? "on" : "off"))).build();
    }

    /** Who must have a second factor for a password sign-in: nobody, ADMINs, everyone. */
    @POST
    @Path("second-factor")
    @Transactional
    public Object secondFactor(@RestForm String policy) {
        SecondFactorPolicy chosen;
        try {
            chosen = SecondFactorPolicy.valueOf(policy == null ? "" : policy);
        } catch (IllegalArgumentException unknown) {
            throw new BadInput("Choose off, admins or everyone.");
        }
        Tenant tenant = Tenant.findById(user.tenantId());
        SecondFactorPolicy old = tenant.secondFactor;
        tenant.secondFactor = chosen;
        audit.record(user.tenantId(), user.email(), "second-factor.policy", chosen.name(), "ok: was " + old.name());
        return Response.seeOther(URI.create("/sign-in-settings?done=second-factor")).build();
    }

    @POST
    @Path("delete")
    @Transactional
    public Object delete() {
        Tenant tenant = Tenant.findById(user.tenantId());
        if (!tenant.passwordSignIn) {
            String why = "Switch password sign-in on first: without it nobody could sign in.";
            return Response.status(409).entity(page(null, Map.of("passwords", why), null)).build();
        }
        SsoProvider.delete("tenantId", user.tenantId());
        audit.record(user.tenantId(), user.email(), "sso.delete", null, "ok");
        return Response.seeOther(URI.create("/sign-in-settings?done=removed")).build();
    }

    private TemplateInstance page(SsoForm typed, Map<String, String> problems, String notice) {
        SsoProvider provider = SsoProvider.ofTenant(user.tenantId()).orElse(null);
        SsoForm form = typed != null ? typed : provider == null
                ? new SsoForm("", "", "", "openid email profile", "groups", "", false, "")
                : new SsoForm(provider.displayName, provider.issuerUrl, provider.clientId, provider.scopes,
                provider.groupsClaim, provider.roleMappings, provider.createMembers, provider.emailDomains);
        Tenant tenant = Tenant.findById(user.tenantId());
        return Templates.settings(form, provider != null, provider == null ? "" : "…" + provider.secretLast4,
                provider == null ? null : publicUrl.of(provider.path()),
                provider != null && provider.adminSignedInAt != null, tenant.passwordSignIn,
                List.of(SecondFactorPolicy.values()), tenant.secondFactor, problems, notice);
    }

    private static String clean(String text, int max) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.length() > max) {
            throw new BadInput("A field is longer than " + max + " characters.");
        }
        return trimmed;
    }
}
