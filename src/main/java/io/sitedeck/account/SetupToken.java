package io.sitedeck.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.sitedeck.platform.ConsoleConfig;
import io.sitedeck.platform.PublicUrl;
import io.sitedeck.shared.Secrets;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.logging.Logger;

/**
 * Until the first admin exists, set-up needs this instance's one-time token: whoever merely
 * reaches the server cannot claim it. The start-up banner prints the link with the token; an
 * operator automating installs may set {@code sitedeck.sign-in.setup-token} instead.
 */
@Singleton
public class SetupToken {

    private static final Logger LOG = Logger.getLogger(SetupToken.class);

    private final String token;
    private final PublicUrl publicUrl;

    SetupToken(SignInConfig config, PublicUrl publicUrl) {
        this.token = config.setupToken().filter(t -> !t.isBlank()).orElseGet(Secrets::newToken);
        this.publicUrl = publicUrl;
    }

    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Part of the start-up banner (after the console's URL): the link a newcomer opens. Looked up
     * beside the start rather than in its way: the first query of a run opens the pool and a
     * session (a tenth of a second the console need not wait for), so the line comes a moment after.
     */
    void announce(@Observes @Priority(Integer.MAX_VALUE) StartupEvent started, ConsoleConfig console) {
        if (console.enabled()) {
            Infrastructure.getDefaultWorkerPool().execute(this::announceIfFirstRun);
        }
    }

    private void announceIfFirstRun() {
        if (QuarkusTransaction.requiringNew().call(SetupToken::members) == 0) {
            LOG.infof("First run: create the first admin at %s (a one-time link; the set-up page refuses any other)",
                    publicUrl.of("/setup?token=" + token));
        }
    }

    /**
     * Counted in SQL, not JPQL: this runs at every start, and the first JPQL query of a run loads
     * and warms Hibernate's query parser (a quarter of a second), which the first sign-in can pay.
     */
    private static long members() {
        return ((Number) AppUser.getEntityManager().createNativeQuery("SELECT COUNT(*) FROM app_user")
                .getSingleResult()).longValue();
    }
}
