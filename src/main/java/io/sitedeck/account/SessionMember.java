package io.sitedeck.account;

import java.util.List;

/**
 * A membership as a session sees it, read in one query on every signed-in request
 * ({@link SessionIdentityProvider}): what the validity check and the request's identity need.
 *
 * @param mustEnrol         the tenant requires a second factor of this role and the person has none
 * @param usableMemberships how many of the person's memberships can be signed into now (enabled,
 *                          in an enabled tenant): more than one means the header offers a switch
 */
public record SessionMember(long id, long personId, long tenantId, String tenantName, boolean tenantEnabled,
                            boolean passwordSignIn, String email, Role role, boolean enabled, int sessionEpoch,
                            boolean joined, boolean operator, int usableMemberships, boolean hasSecondFactor,
                            boolean mustEnrol) {

    public static SessionMember of(AppUser member, Tenant tenant, int usableMemberships) {
        return new SessionMember(member.id, member.person.id, tenant.id, tenant.name, tenant.enabled,
                tenant.passwordSignIn, member.email, member.role, member.enabled, member.sessionEpoch,
                !member.awaitingSetup(), member.person.operator, usableMemberships, member.person.secondFactor,
                !member.person.secondFactor && tenant.secondFactor.requires(member.role));
    }

    /** The membership as stored now (for a session that changes, such as after the second factor). */
    public static SessionMember byId(long memberId) {
        AppUser member = AppUser.findById(memberId);
        return of(member, Tenant.findById(member.tenantId), usableOf(member.person).size());
    }

    /** The person's memberships they can sign into now with their password, by tenant name. */
    public static List<SessionMember> usableOf(Person person) {
        List<Object[]> rows = AppUser.getEntityManager().createQuery("select u, t from AppUser u, Tenant t"
                        + " where t.id = u.tenantId and u.person = ?1 and u.enabled = true and t.enabled = true"
                        + " and u.joinedAt is not null and t.passwordSignIn = true"
                        + " order by t.name", Object[].class)
                .setParameter(1, person).getResultList();
        return rows.stream().map(row -> of((AppUser) row[0], (Tenant) row[1], rows.size())).toList();
    }

    /** Can be signed into: enabled, in an enabled tenant, joined (by link, or by the tenant's single sign-on). */
    boolean usable() {
        return enabled && tenantEnabled && joined;
    }
}
