package io.sitedeck.account;

/** A tenant's rule for second factors on password sign-in (a single sign-on leaves it to the provider). */
public enum SecondFactorPolicy {
    OFF, ADMINS, EVERYONE;

    /** Whether a member of this role must have a second factor. */
    public boolean requires(Role role) {
        return this == EVERYONE || this == ADMINS && role == Role.ADMIN;
    }

    /** For templates: the enum's name, without reflection. */
    public String value() {
        return name();
    }
}
