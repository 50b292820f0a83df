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
 * Every signed-in request pays for this lookup, so it is one plain, auto-commit SELECT by primary key (joined
 * with the person and the tenant, so a disabled tenant is out at once too)
 * rather than a JTA transaction with a Hibernate session around it (which cost about as much as
 * rendering a small fragment; bench/PageCost.java, docs/benchmarks.md).
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private static final String SESSION_MEMBER = "select u.id, u.person_id, u.tenant_id, t.name as tenant_name,"
            + " t.enabled as tenant_enabled, t.password_sign_in, u.email, u.role, u.enabled, u.session_epoch,"
            + " case when u.joined_at is null then 0 else 1 end as joined, p.operator,"
            + " (select count(*) from app_user o join tenant ot on ot.id = o.tenant_id where o.person_id = u.person_id"
            + "   and o.enabled = true and o.joined_at is not null and ot.enabled = true and ot.password_sign_in = true)"
            + " as usable, p.second_factor as has_second_factor,"
            + " case when p.second_factor = false and (t.second_factor = 'EVERYONE'"
            + "   or (t.second_factor = 'ADMINS' and u.role = 'ADMIN')) then 1 else 0 end as must_enrol"
            + " from app_user u join person p on p.id = u.person_id join tenant t on t.id = u.tenant_id where u.id = ?";

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
        return context.runBlocking(() -> sessionMember(token.userId())
                .filter(member -> token.validFor(member, config.sessionLifetime(), clock.instant()))
                .map(member -> SitedeckIdentityProvider.identity(member, token))
                .orElseThrow(AuthenticationFailedException::new));
    }

    /** The membership as stored now, with its person and tenant: only what the check and the identity need. */
    private Optional<SessionMember> sessionMember(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SESSION_MEMBER)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SessionMember(row.getLong("id"), row.getLong("person_id"),
                        row.getLong("tenant_id"), row.getString("tenant_name"), row.getBoolean("tenant_enabled"),
                        row.getBoolean("password_sign_in"),
                        row.getString("email"), Role.valueOf(row.getString("role")), row.getBoolean("enabled"),
                        row.getInt("session_epoch"), row.getInt("joined") == 1, row.getBoolean("operator"),
                        row.getInt("usable"), row.getBoolean("has_second_factor"), row.getInt("must_enrol") == 1));
            }
        } catch (SQLException failed) {
            // Keeps the SQLException as the cause: DatabaseDown tells an unreachable database by it.
            throw new IllegalStateException("The session check could not read the member", failed);
        }
    }
}
