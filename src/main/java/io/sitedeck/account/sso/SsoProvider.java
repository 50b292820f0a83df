package io.sitedeck.account.sso;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A tenant's OpenID Connect provider: where its people sign in, the client Sitedeck is there (the
 * secret sealed by the key vault), how its groups map to roles, and whether people it vouches for
 * become members on their first sign-in.
 */
@Entity
@Table(name = "sso_provider")
public class SsoProvider extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    /** The random part of the team's sign-in link {@code /sso/{linkKey}} (and of its redirect URI). */
    @Column(name = "link_key", nullable = false)
    public String linkKey;

    /** What the sign-in page calls it: "Sign in with …". */
    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "issuer_url", nullable = false)
    public String issuerUrl;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "secret_ciphertext", nullable = false)
    public String secretCiphertext;

    @Column(name = "secret_last4", nullable = false)
    public String secretLast4;

    /** Space-separated, {@code openid} always added. */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "groups_claim", nullable = false)
    public String groupsClaim;

    /** {@link RoleMappings} as its text. */
    @Column(name = "role_mappings", nullable = false)
    public String roleMappings;

    /** Just-in-time creation of members whose groups map to a role. */
    @Column(name = "create_members", nullable = false)
    public boolean createMembers;

    /** Comma-separated email domains whose sign-in page offers this provider. */
    @Column(name = "email_domains", nullable = false)
    public String emailDomains;

    /** The provider's end-session endpoint from its discovery document, offered at sign-out. */
    @Column(name = "end_session_url")
    public String endSessionUrl;

    /** When the provider first signed an ADMIN in: only then can password sign-in be switched off. */
    @Column(name = "admin_signed_in_at")
    public Instant adminSignedInAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<SsoProvider> ofTenant(long tenantId) {
        return find("tenantId", tenantId).firstResultOptional();
    }

    public static Optional<SsoProvider> byLinkKey(String key) {
        return key == null || key.length() > 64 ? Optional.empty() : find("linkKey", key).firstResultOptional();
    }

    /** The providers whose domains include this email's (normally one). */
    public static List<SsoProvider> forEmail(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 0) {
            return List.of();
        }
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        return SsoProvider.<SsoProvider>listAll().stream().filter(provider -> provider.domains().contains(domain))
                .toList();
    }

    public List<String> domains() {
        return Arrays.stream(emailDomains.split(",")).map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty()).toList();
    }

    public List<String> scopeList() {
        return Arrays.stream(scopes.split("[\\s,]+")).filter(s -> !s.isEmpty() && !s.equals("openid")).toList();
    }

    public String path() {
        return "/sso/" + linkKey;
    }
}
