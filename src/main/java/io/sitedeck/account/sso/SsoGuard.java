package io.sitedeck.account.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitedeck.outbound.GuardedGet;
import io.sitedeck.outbound.GuardedPost;
import io.sitedeck.outbound.OutboundGuard;
import io.sitedeck.shared.BadInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every provider URL passes the one guard against internal targets ({@code sitedeck.sso.allowed-hosts}):
 * when an admin saves it, and again whenever a sign-in resolves the provider. Saving also reads the
 * provider's discovery document, so a typo is caught at once; nothing the provider sent is shown.
 */
@ApplicationScoped
public class SsoGuard {

    private final OutboundGuard guard;
    private final GuardedGet get;
    private final ObjectMapper json = new ObjectMapper();

    SsoGuard(@ConfigProperty(name = "sitedeck.sso.allowed-hosts", defaultValue = "*") List<String> allowedHosts) {
        this.guard = new OutboundGuard(allowedHosts, OutboundGuard.SYSTEM, "sitedeck.sso.allowed-hosts");
        this.get = new GuardedGet(guard, Duration.ofSeconds(10));
    }

    void check(String url) {
        guard.check(URI.create(url));
    }

    /** What discovery says Sitedeck needs: the provider's end-session endpoint, if it has one. */
    record Discovered(Optional<String> endSession) {}

    /** Reads {@code <issuer>/.well-known/openid-configuration}; refuses with a fixed message what is not a provider. */
    Discovered discover(String issuer) {
        URI url;
        try {
            url = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        } catch (IllegalArgumentException malformed) {
            throw new BadInput("The issuer URL is not a URL.");
        }
        JsonNode document;
        try {
            document = json.readTree(get.text(url, 256 * 1024));
        } catch (OutboundGuard.Refused refused) {
            throw new BadInput(refused.getMessage());
        } catch (GuardedPost.Failed failed) {
            throw new BadInput("Could not read the provider's discovery document: " + failed.getMessage());
        } catch (IOException | RuntimeException unreadable) {
            throw new BadInput("Not an OpenID provider: its discovery document is not JSON.");
        }
        if (!document.path("authorization_endpoint").isTextual() || !document.path("token_endpoint").isTextual()
                || !sameIssuer(document.path("issuer").asText(""), issuer)) {
            throw new BadInput("Not an OpenID provider for this issuer: its discovery document names another issuer "
                    + "or lacks the authorization and token endpoints.");
        }
        String endSession = document.path("end_session_endpoint").asText("");
        return new Discovered(endSession.startsWith("https://") || endSession.startsWith("http://")
                ? Optional.of(endSession) : Optional.empty());
    }

    private static boolean sameIssuer(String stated, String configured) {
        return stated.replaceAll("/+$", "").equals(configured.replaceAll("/+$", ""));
    }
}
