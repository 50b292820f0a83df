package io.sitedeck.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the encrypted session cookie names as its principal: the membership, the session epoch it
 * was issued in, when the person signed in, whether they still have to choose a tenant (a person
 * in several tenants signs into the first and is sent to choose), and for a single sign-on the
 * tenant whose provider signed them in and when the provider's token expires. Quarkus renews the
 * cookie's idle expiry on use and keeps this text as it is, so the sign-in time (and the provider's
 * expiry) bound the session's whole life (see {@link #validFor}) and a moved epoch ends it.
 *
 * <p>Text: {@code s1.<member>.<epoch>.<signed-in>[.c][.f][.o<tenant>-<until>]} ({@code f}: the second factor is
 * still to be given).
 */
public record SessionToken(long userId, int epoch, Instant signedInAt, boolean choosing, boolean factorPending,
                           long ssoTenant, Instant until) {

    private static final String PREFIX = "s1.";
    private static final String CHOOSING = "c";
    private static final String FACTOR = "f";
    private static final String SSO = "o";

    static SessionToken issue(SessionMember member, Instant now, boolean choosing) {
        return issue(member, now, choosing, false);
    }

    /** A password sign-in; with {@code factorPending} the person must still give their second factor. */
    public static SessionToken issue(SessionMember member, Instant now, boolean choosing, boolean factorPending) {
        return new SessionToken(member.id(), member.sessionEpoch(), Instant.ofEpochSecond(now.getEpochSecond()),
                choosing, factorPending, 0, null);
    }

    /** The same session once the second factor was given. */
    public SessionToken factorGiven() {
        return new SessionToken(userId, epoch, signedInAt, choosing, false, ssoTenant, until);
    }

    /** A session the tenant's own provider opened, ending when its token does (or earlier, by the lifetime). */
    public static SessionToken singleSignOn(SessionMember member, Instant now, Instant providerExpiry) {
        return new SessionToken(member.id(), member.sessionEpoch(), Instant.ofEpochSecond(now.getEpochSecond()),
                false, false, member.tenantId(), Instant.ofEpochSecond(providerExpiry.getEpochSecond()));
    }

    /** The same sign-in moved to another membership of the same person (the tenant switch). */
    SessionToken movedTo(SessionMember member) {
        return new SessionToken(member.id(), member.sessionEpoch(), signedInAt, false, factorPending, ssoTenant, until);
    }

    public static Optional<SessionToken> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split("\\.");
        if (parts.length < 3 || parts.length > 6) {
            return Optional.empty();
        }
        try {
            boolean choosing = false;
            boolean factorPending = false;
            long ssoTenant = 0;
            Instant until = null;
            for (int i = 3; i < parts.length; i++) {
                if (CHOOSING.equals(parts[i]) && !choosing && !factorPending && ssoTenant == 0) {
                    choosing = true;
                } else if (FACTOR.equals(parts[i]) && !factorPending && ssoTenant == 0) {
                    factorPending = true;
                } else if (parts[i].startsWith(SSO) && ssoTenant == 0 && parts[i].indexOf('-') > 1) {
                    String[] sso = parts[i].substring(SSO.length()).split("-");
                    ssoTenant = Long.parseLong(sso[0]);
                    until = Instant.ofEpochSecond(Long.parseLong(sso[1]));
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(new SessionToken(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2])), choosing, factorPending, ssoTenant, until));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * Still good for this membership as stored now: same epoch, usable, signed in the way its tenant
     * allows, within the absolute lifetime and the provider's expiry.
     */
    boolean validFor(SessionMember member, Duration lifetime, Instant now) {
        return member.id() == userId && member.sessionEpoch() == epoch && member.usable() && admits(member)
                && signedInAt.plus(lifetime).isAfter(now) && (until == null || until.isAfter(now));
    }

    /**
     * Whether this way of signing in opens the membership: a password session a tenant that allows
     * passwords, a single sign-on the tenant whose provider signed the person in (and no other).
     */
    boolean admits(SessionMember member) {
        return ssoTenant == 0 ? member.passwordSignIn() : member.tenantId() == ssoTenant;
    }

    public String text() {
        return PREFIX + userId + "." + epoch + "." + signedInAt.getEpochSecond() + (choosing ? "." + CHOOSING : "")
                + (factorPending ? "." + FACTOR : "") + (ssoTenant > 0 ? "." + SSO + ssoTenant + "-" + until.getEpochSecond() : "");
    }
}
