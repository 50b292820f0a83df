package io.sitedeck.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Rebuilds the identity from the session cookie on every request, from the database: a member
 * who was disabled, signed out or changed role is out at once (the session epoch moved), a role
 * change applies at the next click, and no session outlives {@code sitedeck.sign-in.session-lifetime}.
 * <p>
 * Every signed-in request pays for this lookup, so it is one plain, auto-commit SELECT by primary key
 * rather than a JTA transaction with a Hibernate session around it (which cost about as much as
 * rendering a small fragment; bench/PageCost.java, docs/benchmarks.md).
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private static final String SESSION_USER = "select id, tenant_id, email, role, enabled, password_hash, session_epoch"
            + " from app_user where id = ?";

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource dataSource;

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
        return context.runBlocking(() -> sessionUser(token.userId())
                .filter(user -> token.validFor(user, config.sessionLifetime(), clock.instant()))
                .map(user -> SitedeckIdentityProvider.identity(user, token))
                .orElseThrow(AuthenticationFailedException::new));
    }

    /** The member as stored now, read-only and detached: only what the check and the identity need. */
    private Optional<AppUser> sessionUser(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SESSION_USER)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                AppUser user = new AppUser();
                user.id = row.getLong("id");
                user.tenantId = row.getLong("tenant_id");
                user.email = row.getString("email");
                user.role = Role.valueOf(row.getString("role"));
                user.enabled = row.getBoolean("enabled");
                user.passwordHash = row.getString("password_hash");
                user.sessionEpoch = row.getInt("session_epoch");
                return Optional.of(user);
            }
        } catch (SQLException failed) {
            // Keeps the SQLException as the cause: DatabaseDown tells an unreachable database by it.
            throw new IllegalStateException("The session check could not read the member", failed);
        }
    }
}
