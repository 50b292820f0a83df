package io.sitedeck.account.sso;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitedeck.account.KeyVault;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Gives Quarkus OIDC the provider of the team whose sign-in link is being followed
 * ({@code /sso/{key}}, also its redirect URI): the authorization code flow with PKCE, the ID
 * token checked for issuer, audience (the client id) and expiry by Quarkus. Every other path has
 * no OIDC tenant (the default one is disabled), so the console's own sessions are untouched. A
 * changed provider gets a new tenant id, so Quarkus never keeps using the old settings.
 */
@ApplicationScoped
public class SsoTenantConfigs implements TenantConfigResolver {

    private static final String PREFIX = "/sso/";

    private final KeyVault vault;
    private final SsoGuard guard;

    SsoTenantConfigs(KeyVault vault, SsoGuard guard) {
        this.vault = vault;
        this.guard = guard;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        String path = context.request().path();
        if (path == null || !path.startsWith(PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        String key = path.substring(PREFIX.length());
        return request.runBlocking(() -> QuarkusTransaction.requiringNew().call(() ->
                SsoProvider.byLinkKey(key).flatMap(this::config).orElse(null)));
    }

    private Optional<OidcTenantConfig> config(SsoProvider provider) {
        try {
            guard.check(provider.issuerUrl); // again at every sign-in: an address may move inward
        } catch (RuntimeException refused) {
            return Optional.empty();
        }
        return Optional.of(OidcTenantConfig.authServerUrl(provider.issuerUrl)
                .tenantId("sso-" + provider.linkKey + "-" + provider.updatedAt.toEpochMilli())
                .applicationType(ApplicationType.WEB_APP)
                .clientId(provider.clientId)
                .credentials(vault.decrypt(provider.secretCiphertext))
                .connectionTimeout(Duration.ofSeconds(10))
                .authentication()
                    .redirectPath(provider.path())
                    .restorePathAfterRedirect(false)
                    .removeRedirectParameters(true)
                    .pkceRequired(true)
                    .nonceRequired(true)
                    .scopes(provider.scopeList())
                    .javaScriptAutoRedirect(false)
                    .end()
                .build());
    }
}
