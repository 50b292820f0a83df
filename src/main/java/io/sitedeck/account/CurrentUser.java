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
    static final String PERSON_ID = "sitedeck.person-id";
    static final String TENANT_NAME = "sitedeck.tenant-name";
    static final String OPERATOR = "sitedeck.operator";
    static final String MEMBERSHIPS = "sitedeck.memberships";
    static final String CHOOSING = "sitedeck.choosing";
    static final String FACTOR_PENDING = "sitedeck.factor-pending";
    static final String MUST_ENROL = "sitedeck.must-enrol";

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Signed in to Sitedeck (a provider's identity on the way through single sign-on is not that yet). */
    public boolean signedIn() {
        return !identity.isAnonymous() && identity.getAttribute(USER_ID) != null;
    }

    public long id() {
        return identity.<Long>getAttribute(USER_ID);
    }

    public long tenantId() {
        return identity.<Long>getAttribute(TENANT_ID);
    }

    /** The person behind this membership (the same in every tenant they belong to). */
    public long personId() {
        return identity.<Long>getAttribute(PERSON_ID);
    }

    /** The tenant this session works in, for the header. */
    public String tenantName() {
        return identity.<String>getAttribute(TENANT_NAME);
    }

    /** Operates the install (creates and disables tenants); says nothing about this tenant's data. */
    public boolean operator() {
        return signedIn() && Boolean.TRUE.equals(identity.<Boolean>getAttribute(OPERATOR));
    }

    /** Belongs to more than one tenant it can sign into: the header offers the switch. */
    public boolean switches() {
        return signedIn() && identity.<Integer>getAttribute(MEMBERSHIPS) > 1;
    }

    /** Signed in and past every step of signing in: the page gets the console's top bar and live stream. */
    public boolean working() {
        return signedIn() && !choosing() && !factorPending() && !mustEnrol();
    }

    /** Gave their password but not yet their second factor. */
    public boolean factorPending() {
        return signedIn() && Boolean.TRUE.equals(identity.<Boolean>getAttribute(FACTOR_PENDING));
    }

    /** Their tenant requires a second factor they have not enrolled yet. */
    public boolean mustEnrol() {
        return signedIn() && Boolean.TRUE.equals(identity.<Boolean>getAttribute(MUST_ENROL));
    }

    /** Signed in but has not chosen among their tenants yet ({@link SignInStepsFilter}). */
    public boolean choosing() {
        return signedIn() && Boolean.TRUE.equals(identity.<Boolean>getAttribute(CHOOSING));
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
