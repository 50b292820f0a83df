package io.sitedeck.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * The signed-in member of this request: every tenant-scoped query takes its tenant from here,
 * never from the request. Templates reach it as {@code inject:user}.
 */
@RequestScoped
@Named("user")
public class CurrentUser {

    static final String USER_ID = "sitedeck.user-id";
    static final String TENANT_ID = "sitedeck.tenant-id";
    static final String EMAIL = "sitedeck.email";
    static final String SESSION_EPOCH = "sitedeck.session-epoch";

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public long id() {
        return identity.<Long>getAttribute(USER_ID);
    }

    public long tenantId() {
        return identity.<Long>getAttribute(TENANT_ID);
    }

    public String email() {
        return identity.<String>getAttribute(EMAIL);
    }

    /** The first letter of the email, for the user menu's button. */
    public String initial() {
        String email = email();
        return email == null || email.isEmpty() ? "?" : email.substring(0, 1).toUpperCase(Locale.ROOT);
    }

    /** The session epoch this request's session was issued in (see {@link AppUser#sessionEpoch}). */
    public int sessionEpoch() {
        return identity.<Integer>getAttribute(SESSION_EPOCH);
    }

    public Role role() {
        return identity.getRoles().stream().map(Role::valueOf).findFirst().orElse(Role.VIEWER);
    }

    public boolean admin() {
        return signedIn() && role() == Role.ADMIN;
    }

    /** May trigger Domotz actions (TECHNICIAN or ADMIN). */
    public boolean technician() {
        return signedIn() && role() != Role.VIEWER;
    }
}
