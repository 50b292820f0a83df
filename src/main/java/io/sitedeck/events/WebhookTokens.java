package io.sitedeck.events;

import io.sitedeck.account.KeyVault;
import io.sitedeck.shared.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Each tenant's secret webhook URL, {@code /hooks/domotz/{token}}: 32 random bytes, made on
 * first use, replaced by an admin. Looked up by its SHA-256 (so the lookup column is no secret)
 * and kept sealed with the master key so admins can read the URL again.
 */
@ApplicationScoped
public class WebhookTokens {

    public static final String PATH = "/hooks/domotz/";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final KeyVault vault;

    WebhookTokens(KeyVault vault) {
        this.vault = vault;
    }

    /** The tenant's token, made now if it has none yet. */
    @Transactional
    public String tokenOf(long tenantId) {
        WebhookEndpoint endpoint = WebhookEndpoint.findById(tenantId);
        return endpoint == null ? replace(tenantId) : vault.decrypt(endpoint.tokenSealed);
    }

    /** A new token: the old URL stops working at once. */
    @Transactional
    public String regenerate(long tenantId) {
        return replace(tenantId);
    }

    /** The tenant a token belongs to; empty for anything that is not a current token. */
    @Transactional
    public Optional<Long> tenantOf(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return WebhookEndpoint.<WebhookEndpoint>find("tokenHash", Secrets.sha256Hex(token)).firstResultOptional()
                .map(endpoint -> endpoint.tenantId);
    }

    private String replace(long tenantId) {
        String token = Secrets.newToken();
        WebhookEndpoint endpoint = WebhookEndpoint.findById(tenantId);
        if (endpoint == null) {
            endpoint = new WebhookEndpoint();
            endpoint.tenantId = tenantId;
        }
        endpoint.tokenHash = Secrets.sha256Hex(token);
        endpoint.tokenSealed = vault.encrypt(token);
        endpoint.persist();
        return token;
    }
}
