package io.sitedeck.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Rebuilds the identity from the session cookie on every request, from the database: a member
 * who was disabled, signed out or changed role is out at once (the session epoch moved), a role
 * change applies at the next click, and no session outlives {@code sitedeck.sign-in.session-lifetime}.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    Clock clock;

    private final SignInConfig config;

    SessionIdentityProvider(SignInConfig config) {
        this.config = config;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        SessionToken token = SessionToken.parse(request.getPrincipal()).orElse(null);
        if (token == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> QuarkusTransaction.requiringNew().call(() ->
                AppUser.<AppUser>findByIdOptional(token.userId())
                        .filter(user -> token.validFor(user, config.sessionLifetime(), clock.instant()))
                        .map(user -> SitedeckIdentityProvider.identity(user, token))
                        .orElseThrow(AuthenticationFailedException::new)));
    }
}
